// No import or export: ESLint still reads this file as a module, so these are awaits.
const [config, secrets] = await Promise.all([loadConfig(), loadSecrets()]);
start(config, secrets);
