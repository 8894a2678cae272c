// Parses and validates an AsyncAPI document (and the JSON Schemas it references) with the
// AsyncAPI parser. Exits 1 on any error-level diagnostic, printing each with its path.
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  const level = ['error', 'warning', 'info', 'hint'][d.severity] ?? 'note';
  console.log(`asyncapi ${level}: ${d.code} at ${(d.path ?? []).join('.')}: ${d.message}`);
}
if (!document || errors.length > 0) {
  console.error(`asyncapi: ${file} is INVALID (${errors.length} errors)`);
  process.exit(1);
}
const channels = document.channels().all().map((c) => c.address());
console.log(`asyncapi: ${file} is valid: ${channels.length} channels (${channels.join(', ')}), ` +
  `${document.operations().length} operations, ${document.messages().length} messages`);
