import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';

// From source (src/graphql/) the SDL is one folder up; the esbuild bundle (dist/main.js) has it copied beside it.
const candidates = [path.join(__dirname, '..', 'schema.graphql'), path.join(__dirname, 'schema.graphql')];
const file = candidates.find((candidate) => existsSync(candidate));
if (!file) throw new Error(`awards schema.graphql not found (looked in ${candidates.join(', ')})`);

/** The awards SDL (schema first: src/schema.graphql), parsed once. */
export const typeDefs = parse(readFileSync(file, 'utf8'));
