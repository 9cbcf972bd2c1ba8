// `npm run icons`: renders the SVG icon sources to the PNGs electron-builder and the tray use.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { appIconSvg, PRESENCE_STATES, trayIconSvg } from './icons/icon-sources.js';

const buildDirectory = path.resolve(import.meta.dirname, '../build');
/** Linux picks the closest of these from build/icons; 512 doubles as the macOS and Windows source. */
const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Tray icons at 1x and 2x: Electron loads `name@2x.png` beside `name.png` on high-density displays. */
const TRAY_SCALES = [
  { suffix: '', size: 16 },
  { suffix: '@2x', size: 32 },
];

async function render(page: Page, svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--headless'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await mkdir(path.join(buildDirectory, 'icons'), { recursive: true });
    await mkdir(path.join(buildDirectory, 'tray'), { recursive: true });
    await writeFile(path.join(buildDirectory, 'icon.png'), await render(page, appIconSvg(), 512));
    for (const size of APP_ICON_SIZES) {
      await writeFile(path.join(buildDirectory, 'icons', `${size}x${size}.png`), await render(page, appIconSvg(), size));
    }
    for (const state of PRESENCE_STATES) {
      for (const theme of ['light', 'dark'] as const) {
        for (const { suffix, size } of TRAY_SCALES) {
          await writeFile(path.join(buildDirectory, 'tray', `${state}-${theme}${suffix}.png`), await render(page, trayIconSvg(state, theme), size));
        }
      }
    }
    console.log(`icons written to ${buildDirectory}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
