/**
 * The browser suites drive Debian's chromium through playwright-core (never a browser
 * playwright downloads). Without it they cannot run: say how to install it, once,
 * instead of failing every test.
 */
import { access } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';

/** The real binary: `/usr/bin/chromium` is a wrapper script that prints a stray error here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export default async function setup(project: TestProject): Promise<void> {
  try {
    await access(CHROMIUM_PATH);
  } catch {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: apt-get install -y --no-install-recommends chromium fonts-wqy-microhei (.ci/run does), or set CHROMIUM_PATH`,
    );
  }
  project.provide('chromiumPath', CHROMIUM_PATH);
}
