#!/usr/bin/env node
import * as nodeModule from 'node:module';

// Node 22.1+ can keep V8's compiled code of Plume's modules between runs (in its default folder under the
// system's temporary directory, never the user's folder): later starts skip most of the compilation.
// Feature-detected so that Node 20 runs as before; a cache that cannot be written only costs that gain.
// The CLI itself is imported afterwards, so that its modules are compiled with the cache on.
const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
try {
  enableCompileCache?.();
} catch {
  // No cache: Plume starts as on Node 20.
}
await import('./start-cli.js');
