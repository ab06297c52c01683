// The routes the browser tests visit, read from the route table (app/core/route_table.h): one
// example route per screen, so a new screen is visited without editing a test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const table = readFileSync(path.resolve(here, '../../../app/core/route_table.h'), 'utf8');
const rows = [...table.matchAll(/^\s*STADSMIJN_ROUTE\((\w+), "([^"]*)", "([^"]*)", (\w+)\)/gm)];
if (rows.length < 2) throw new Error('route_table.h: no STADSMIJN_ROUTE rows found');

// [{ name, path, example }] in the table's order.
export const routeTable = rows.map(([, name, pattern, example]) => ({ name, path: pattern, example }));
// '#/', '#/about', ... '#/no-such-page'
export const routes = routeTable.map((row) => row.example);
