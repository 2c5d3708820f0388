import { Pool } from 'pg';

const pool = new Pool();

// A pg client has no Symbol.asyncDispose: release() stays in its finally.
export async function count() {
  const client = await pool.connect();
  try {
    return (await client.query('SELECT count(*) FROM users')).rows[0];
  } finally {
    client.release();
  }
}
