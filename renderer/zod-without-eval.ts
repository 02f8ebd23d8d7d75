// Imported first by main.tsx: zod validates without generating code, so it never probes for
// `new Function`, which the page's strict CSP (no 'unsafe-eval') would report as a violation.
import { z } from 'zod';

z.config({ jitless: true });
