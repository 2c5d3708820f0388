import fs from 'node:fs';

// The flag is read after the streams settle too: it is more than the listeners' own.
export async function readAfter(response, dest, log) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = null;
    writer.on('error', (err) => {
      error = err;
      reject(err);
    });
    writer.on('close', () => {
      if (!error) resolve(true);
      else log(error);
    });
  });
}

// Set without rejecting: the guard is what keeps the promise pending, which `pipeline` would reject.
export async function neverRejects(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve) => {
    let error = null;
    writer.on('error', (err) => {
      error = err;
      writer.close();
    });
    writer.on('close', () => {
      if (!error) resolve(true);
    });
  });
}

// The error listener logs as well.
export async function logs(response, dest, log) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = null;
    writer.on('error', (err) => {
      error = err;
      log(err);
      reject(err);
    });
    writer.on('close', () => {
      if (!error) resolve(true);
    });
  });
}

// Another test of the flag, and a flag that starts set.
export async function otherTests(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = 'none';
    writer.on('error', (err) => {
      error = err;
      reject(err);
    });
    writer.on('close', () => {
      if (error === 'none') resolve(true);
    });
  });
}

// The file is made with `autoClose: false`: its `close()` in the error listener is what closes it.
export async function keptOpen(response, dest) {
  const writer = fs.createWriteStream(dest, { autoClose: false });
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = null;
    writer.on('error', (err) => {
      error = err;
      writer.close();
      reject(err);
    });
    writer.on('finish', () => {
      if (!error) resolve(true);
    });
  });
}

// The flag is set by a timer too.
export async function timed(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = null;
    setTimeout(() => (error = new Error('slow')), 1000);
    writer.on('error', (err) => {
      error = err;
      reject(err);
    });
    writer.on('close', () => {
      if (!error) resolve(true);
    });
  });
}

// The value resolved is the flag itself, read by more than the guard (it goes with the executor).
export async function resolvesTheFlag(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    let error = false;
    writer.on('error', (err) => {
      error = err;
      reject(err);
    });
    writer.on('close', () => {
      if (!error) resolve(error);
    });
  });
}
