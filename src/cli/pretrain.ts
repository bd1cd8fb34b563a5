/**
 * `npm run pretrain [-- --only lenet5-mnist] [--quick]`
 * Trains the catalogue's small networks in Node with the lab's own engine (WASM backend,
 * CPU as fallback) and writes their checkpoints and index.json under public/models, where
 * the lab offers them as starting points. The jobs and their settings: pretrainPlan.ts.
 */
import { register } from 'node:module';

/*
 * The engine imports tfjs-core's gradient registrations from its ES modules
 * (`dist/register_all_gradients`), whose imports leave out the file extension. Vite and
 * vitest resolve those; Node with tsx does too, except `./gradients`, which is both a file
 * (gradients.js) and a folder there, and Node refuses to import a folder. This hook retries
 * such an import with `.js`. It must be registered before the engine loads, hence the
 * dynamic import below.
 */
const RESOLVE_FOLDER_AS_FILE = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code === 'ERR_UNSUPPORTED_DIR_IMPORT' && specifier.startsWith('.')) {
      return next(specifier + '.js', context);
    }
    throw error;
  }
}`;
register(`data:text/javascript,${encodeURIComponent(RESOLVE_FOLDER_AS_FILE)}`);

const { main } = await import('./pretrainRun');
process.exitCode = await main(process.argv.slice(2));
