#!/usr/bin/env node
/**
 * Runs Electronegativity (@doyensec/electronegativity, offline) over electron/ and fails when a
 * finding above low severity is not explained in docs/security.md.
 *
 * An explanation is a row of the table under "## Electronegativity findings" in docs/security.md
 * whose first two cells are the check name and the file, e.g.
 *   | CONTEXT_ISOLATION_JS_CHECK | electron/window.ts | why it does not apply |
 * Explained findings are listed as such; explanations that no longer match a finding are reported
 * (stale), so the document stays true.
 *
 * Usage: node scripts/electronegativity.mjs [--input electron] [--doc docs/security.md]
 */
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

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

/** Parses Electronegativity's CSV (quoted fields may hold commas and doubled quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1);
}

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

const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(out, 'findings.csv');
try {
  const bin = join(root, 'node_modules/.bin/electronegativity');
  const run = spawnSync(bin, ['-i', join(root, input), '-o', csv, '-r', '-v', 'false', '-e', electronVersion], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (run.error || run.status !== 0) {
    console.error(run.stdout, run.stderr);
    console.error(`electronegativity failed to run: ${run.error?.message ?? `exit ${run.status}`}`);
    process.exit(2);
  }
  const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
  if (!header || header[0] !== 'issue') throw new Error('unexpected electronegativity CSV header');
  const findings = rows.map(([issue, severity, confidence, filename, location]) => ({
    issue, severity, confidence, file: `${input}/${filename}`, location,
  }));
  const reasons = explained(readFileSync(join(root, doc), 'utf8'));
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
  for (const key of reasons.keys()) if (!used.has(key)) console.log(`stale      explanation in ${doc} matches no finding: ${key}`);
  console.log(`${findings.length} findings, ${unexplained.length} above low severity without an explanation in ${doc}`);
  process.exit(unexplained.length === 0 ? 0 : 1);
} finally {
  rmSync(out, { recursive: true, force: true });
}
