import { type Caller, type Role } from '@antt/auth';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { applyPersonalDataPolicy, PERSONAL_DATA_DIRECTIVE_SDL } from './personal-data';

const sdl = (extra = '') => /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  ${PERSONAL_DATA_DIRECTIVE_SDL}
  type Query { person: Person }
  type Person {
    id: ID!
    fullName: String @personalData
    phone: String @personalData
    birthYear: Int
  }
  ${extra}
`;

const caller = (...roles: Role[]): Caller => ({ subject: 's', roles, jurisdictionUnitId: 'u' });

describe('@personalData: the personal data rule every subgraph shares', () => {
  const reads: string[] = [];
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(sdl()),
      resolvers: {
        Query: { person: () => ({ id: 'p1', birthYear: 1990 }) },
        Person: {
          fullName: () => {
            reads.push('fullName');
            return 'Nguyễn Văn A';
          },
          phone: () => {
            reads.push('phone');
            return '0912345678';
          },
        },
      } as never,
    },
  ]);
  const guarded = applyPersonalDataPolicy(schema);
  const run = (contextCaller: Caller) => graphql({ schema, source: '{ person { id fullName phone birthYear } }', contextValue: { caller: contextCaller } });

  it('guards the marked fields only', () => {
    expect(guarded).toEqual(['Person.fullName', 'Person.phone']);
  });

  it('answers null to EXTERNAL_READER (even beside another role) and to anonymous callers, without running the resolver', async () => {
    reads.length = 0;
    for (const who of [caller('EXTERNAL_READER'), caller('EXTERNAL_READER', 'UNIT_OFFICER'), null]) {
      expect(await run(who)).toEqual({ data: { person: { id: 'p1', fullName: null, phone: null, birthYear: 1990 } } });
    }
    expect(reads).toEqual([]);
  });

  it('leaves other roles to the field resolver (and its own masking)', async () => {
    reads.length = 0;
    expect(await run(caller('UNIT_OFFICER'))).toEqual({
      data: { person: { id: 'p1', fullName: 'Nguyễn Văn A', phone: '0912345678', birthYear: 1990 } },
    });
    expect(reads).toEqual(['fullName', 'phone']);
  });

  it('refuses to start with a non-null marked field or a different declaration', () => {
    const nonNull = buildSubgraphSchema([{ typeDefs: parse(sdl('type Member { fullName: String! @personalData }\nextend type Query { member: Member }')) }]);
    expect(() => applyPersonalDataPolicy(nonNull)).toThrow('Member.fullName is marked @personalData but is non-null (String!): make it String.');
    const other = buildSubgraphSchema([
      {
        typeDefs: parse(/* GraphQL */ `
          directive @personalData on FIELD_DEFINITION | OBJECT
          type Query { name: String @personalData }
        `),
      },
    ]);
    expect(() => applyPersonalDataPolicy(other)).toThrow(`Query.name is marked @personalData: declare it in the SDL as "${PERSONAL_DATA_DIRECTIVE_SDL}".`);
  });
});
