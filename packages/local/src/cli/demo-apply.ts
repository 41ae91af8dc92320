/**
 * `pnpm demo:apply`: a provider's application to Qingdao's 2024 call, from sign-in to
 * `submitted`, against the platform `pnpm dev` runs on `PORT` (3000). Start it inside
 * the call's window: `CLOCK_START=2024-01-20T09:00:00+08:00 pnpm dev`.
 */
import { DemoError, demoApply } from '../demo/demo-apply.js';

const base = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
try {
  const { applicationId, status } = await demoApply(base);
  console.log(`✓ ${applicationId}: ${status}`);
} catch (error) {
  if (error instanceof DemoError) {
    console.error(`✗ ${error.message}`);
    if (error.message.includes('window_closed'))
      console.error(
        '  start the platform inside the call: CLOCK_START=2024-01-20T09:00:00+08:00 pnpm dev',
      );
  } else {
    console.error(
      `✗ cannot reach the platform at ${base} (is pnpm dev running?): ${String(error)}`,
    );
  }
  process.exitCode = 1;
}
