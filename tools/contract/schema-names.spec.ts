import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../repo-root';

// @nestjs/swagger names a class's schema after the class (or @ApiSchema's name), and the gateway merges the
// services' documents by those names: two classes named alike, in one service or in two, document one's routes
// with the other's shape (the assisted-digital referrals showed the status review's, a result's impositions
// enforcement's). Every class that describes a schema has a name of its own.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'test' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** `ClassName` or @ApiSchema's name, for each class of the file that has @ApiProperty members. */
function schemaNames(source: string): string[] {
  const classes = [...source.matchAll(/export class (\w+)/g)];
  return classes.flatMap((match, index) => {
    const before = source.slice(classes[index - 1]?.index ?? 0, match.index);
    const body = source.slice(match.index, classes[index + 1]?.index ?? source.length);
    if (!/@ApiProperty(Optional)?\(/.test(body)) return [];
    // @ApiSchema decorates the class: it stands after the previous class's closing brace.
    const decorators = before.slice(before.lastIndexOf('\n}') + 1);
    return [/@ApiSchema\(\{\s*name:\s*'([^']+)'/.exec(decorators)?.[1] ?? match[1]];
  });
}

describe('OpenAPI schema names', () => {
  it('are unique across the services and the libraries the gateway merges', () => {
    const owners = new Map<string, string[]>();
    for (const root of ['services', 'libs', 'gateway'])
      for (const file of sourceFiles(path.join(REPO_ROOT, root)))
        for (const name of schemaNames(readFileSync(file, 'utf8')))
          owners.set(name, [...(owners.get(name) ?? []), path.relative(REPO_ROOT, file)]);
    const clashes = [...owners]
      .filter(([, files]) => files.length > 1)
      .map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('read a class’s own name, or the one @ApiSchema gives it', () => {
    const source = `
@ObjectType('Thing')
export class ThingModel {
  @ApiProperty() id!: string;
}

@ApiSchema({ name: 'OtherThing' })
@ObjectType('Other')
export class OtherModel {
  @Field() @ApiPropertyOptional() name?: string;
}

export class NotASchema {
  id!: string;
}
`;
    expect(schemaNames(source)).toEqual(['ThingModel', 'OtherThing']);
  });
});
