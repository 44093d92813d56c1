// Creates an empty PGlite database in the directory given as the only argument, and exits.
// src/db/client.ts runs it in a child process on the first start: initdb grows PGlite's WebAssembly
// memory to ~700 MB, and a process never gives that memory back; a child's is gone when it exits.
// Plain JavaScript so that it starts without the TypeScript loader.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

mkdirSync(dirname(process.argv[2]), { recursive: true });
const db = await PGlite.create(process.argv[2]);
await db.close();
