// Entry of dist/bin/cli.cjs, the script `plume` runs (see src/cli/load-cli-script.ts): the CLI, and
// `runCli` for the build, which runs the README's main job in it to record V8's code cache.
export { runCli } from './run-cli.js';
export { startCli } from './start-cli.js';
