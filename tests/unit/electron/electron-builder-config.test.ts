import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..', '..');
// js-yaml and the config schema ship with electron-builder itself: validate with its own rules.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const schema = builderRequire('./scheme.json') as object;
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('hardens the Electron fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built app, in an asar, for every desktop platform', () => {
    expect(config['asar']).toBe(true);
    expect(config['files']).toEqual(['out/**/*', 'package.json', '!node_modules/**/*']);
    expect(config['productName']).toBe('Matryoshka');
    expect((config['linux'] as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config['mac'] as { target: string[] }).target).toEqual(['dmg']);
    expect((config['win'] as { target: string[] }).target).toEqual(['nsis']);
  });

  it("points package.json's main at the bundled main process", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/main.cjs');
  });
});
