// No import or export: ESLint still reads this file as a module, so these are awaits.
const config = await loadConfig();
const secrets = await loadSecrets();
start(config, secrets);
