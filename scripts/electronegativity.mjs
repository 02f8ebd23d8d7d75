#!/usr/bin/env node
/**
 * Runs Electronegativity (@doyensec/electronegativity, offline) over electron/ and fails when a
 * finding above low severity is not explained in docs/security.md.
 *
 * An explanation is a row of the table under "## Electronegativity findings" in docs/security.md
 * whose first two cells are the check name and the file, e.g.
 *   | CONTEXT_ISOLATION_JS_CHECK | electron/window.ts | why it does not apply |
 * Explained findings are listed as such. Fails (exit 1) on an unexplained finding above low
 * severity and on an explanation that no longer matches a finding (stale), so the document stays
 * true; fails closed (exit 2) when a source file cannot be parsed or the scan returns nothing usable.
 * The check of Electron's release feed (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) needs the internet
 * and is left out; the Electron version is pinned in package.json instead.
 *
 * Usage: node scripts/electronegativity.mjs [--input electron] [--doc docs/security.md]
 */
import console from 'node:console';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import run from '@doyensec/electronegativity';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const input = option('--input', 'electron');
const doc = option('--doc', 'docs/security.md');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

/** Severities Electronegativity reports; anything above LOW must be explained. */
const ABOVE_LOW = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', ...ABOVE_LOW]);

/** `CHECK file` keys explained in the document's findings table. */
function explained(markdown) {
  const section = markdown.split(/^## Electronegativity findings\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const keys = new Map();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells.length < 5 || !/^[A-Z_]+_CHECK$/.test(cells[1] ?? '')) continue;
    if ((cells[3] ?? '').length < 20) continue; // an explanation, not a placeholder
    keys.set(`${cells[1]} ${cells[2]}`, cells[3]);
  }
  return keys;
}

/**
 * The findings straight from Electronegativity's API (its CSV writer races its own header write,
 * and quotes in code samples made rows merge, so a file is never parsed). Fails closed: a source
 * file it could not parse, or a finding without a known severity or a file, stops the check.
 */
async function scan() {
  const dir = resolve(root, input);
  const result = await run({
    // The release-feed check needs the internet (absent in CI): it only waited for a timeout.
    input: dir, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'], isRelative: true, isVerbose: false,
    electronVersionOverride: electronVersion, parserPlugins: [],
  });
  if (!result || !Array.isArray(result.issues) || !Array.isArray(result.errors)) throw new Error('Electronegativity returned no result');
  if (result.errors.length > 0) {
    throw new Error(`Electronegativity could not scan ${result.errors.length} file(s): ${result.errors.map((e) => JSON.stringify(e)).join('; ')}`);
  }
  const sources = readdirSync(dir, { recursive: true }).filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(String(f)));
  if (sources.length === 0) throw new Error(`no source files under ${input}`);
  return result.issues.map((i) => {
    const severity = i?.severity?.name;
    if (typeof i?.id !== 'string' || !SEVERITIES.has(severity) || typeof i.file !== 'string') {
      throw new Error(`unexpected finding: ${JSON.stringify(i)}`);
    }
    const file = i.file === 'N/A' ? input : `${input}/${i.file}`;
    return { issue: i.id, severity, file, location: `${i.location?.line ?? '?'}:${i.location?.column ?? '?'}` };
  });
}

try {
  const findings = await scan();
  const reasons = explained(readFileSync(resolve(root, doc), 'utf8'));
  const used = new Set();
  const unexplained = [];
  for (const f of findings) {
    const key = `${f.issue} ${f.file}`;
    const reason = reasons.get(key);
    if (reason) used.add(key);
    const tag = !ABOVE_LOW.has(f.severity) ? 'low' : reason ? 'explained' : 'UNEXPLAINED';
    console.log(`${tag.padEnd(11)} ${f.severity.padEnd(8)} ${f.issue} ${f.file}:${f.location}`);
    if (ABOVE_LOW.has(f.severity) && !reason) unexplained.push(f);
  }
  const stale = [...reasons.keys()].filter((key) => !used.has(key));
  for (const key of stale) console.log(`STALE      explanation in ${doc} matches no finding: ${key}`);
  console.log(`${findings.length} findings, ${unexplained.length} above low severity without an explanation, ${stale.length} stale explanations in ${doc}`);
  process.exit(unexplained.length === 0 && stale.length === 0 ? 0 : 1);
} catch (error) {
  console.error(`electronegativity check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
