import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import {
  ELB_JSON_FIELDS,
  ELB_JSON_ROLES,
  INSERT_HEADER_CHOICES,
  INSERT_HEADER_NAMES,
  INSERT_HEADER_PREFIX,
  LISTENER_IPGROUP_FIELDS,
  sniffElbJson,
  SNIFF_FIELDS,
  TOP_LEVEL_FIELDS,
  WRAPPER_KEYS,
} from '../../server/src/elbjson';
import { CORPUS_DIR } from '../helpers';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SCHEMA_FILE = path.join(REPO_ROOT, 'schemas', 'elb-api.schema.json');

interface SchemaObject {
  properties?: Record<string, SchemaObject & { description?: string }>;
  patternProperties?: Record<string, SchemaObject>;
  definitions?: Record<string, SchemaObject>;
  description?: string;
}

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as SchemaObject;
const sorted = (values: Iterable<string>) => [...values].sort();

describe('schemas/elb-api.schema.json', () => {
  test('documents exactly the fields the model mapping reads, each with a description', () => {
    for (const role of ELB_JSON_ROLES) {
      const definition = schema.definitions?.[role];
      assert.ok(definition?.properties, `definition ${role}`);
      assert.deepEqual(sorted(Object.keys(definition.properties)), sorted(ELB_JSON_FIELDS[role]), role);
      for (const [name, property] of Object.entries(definition.properties))
        assert.ok(property.description, `${role}.${name} has a description`);
      // Every sniff field is a field the model reads.
      for (const field of SNIFF_FIELDS[role]) assert.ok(ELB_JSON_FIELDS[role].includes(field), `${role}.${field}`);
    }
    const headers = schema.definitions?.insert_headers;
    assert.deepEqual(sorted(Object.keys(headers?.properties ?? {})), sorted([...INSERT_HEADER_NAMES, ...INSERT_HEADER_CHOICES]));
    assert.deepEqual(Object.keys(headers?.patternProperties ?? {}), [`^${INSERT_HEADER_PREFIX}`]);
    assert.deepEqual(
      sorted(Object.keys(schema.definitions?.listener.properties?.ipgroup.properties ?? {})),
      sorted(LISTENER_IPGROUP_FIELDS),
    );
    assert.deepEqual(sorted(Object.keys(schema.properties ?? {})), sorted(['$schema', ...Object.keys(WRAPPER_KEYS), ...TOP_LEVEL_FIELDS]));
  });

  test('the client IP fields say what they do', () => {
    const listener = schema.definitions!.listener.properties!;
    assert.match(listener.transparent_client_ip_enable.description!, /dedicated/);
    assert.match(listener.transparent_client_ip_enable.description!, /nat64_enable/);
    assert.match(listener.proxy_protocol_enable.description!, /TLS/);
    assert.match(schema.definitions!.member.properties!.subnet_cidr_id.description!, /IP backend/);
  });

  test('accepts the corpus samples and the examples that ELB Lens reads', (t) => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const files: string[] = [];
    const walk = (dir: string) => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.json')) files.push(full);
      }
    };
    walk(path.join(CORPUS_DIR, 'elb-api-json'));
    walk(path.join(REPO_ROOT, 'examples', 'elb-api-json'));
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (!sniffElbJson(text)) continue;
      checked++;
      assert.equal(validate(JSON.parse(text)), true, `${path.relative(REPO_ROOT, file)}: ${ajv.errorsText(validate.errors)}`);
    }
    t.diagnostic(`${checked} ELB JSON files validated`);
    assert.ok(checked >= 10, `${checked}`);
  });
});
