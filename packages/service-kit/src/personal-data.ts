import { personalDataWithheld, type Caller } from '@antt/auth';
import { type DirectiveNode, getNullableType, type GraphQLFieldResolver, GraphQLObjectType, type GraphQLSchema, isNonNullType, defaultFieldResolver } from 'graphql';

/** The directive's name, as written in a subgraph's SDL. */
export const PERSONAL_DATA_DIRECTIVE = 'personalData';

/**
 * The declaration every subgraph that marks personal data copies into its SDL (schema first: codegen reads the file),
 * word for word; {@link applyPersonalDataPolicy} refuses to start a subgraph whose declaration differs.
 */
export const PERSONAL_DATA_DIRECTIVE_SDL = 'directive @personalData on FIELD_DEFINITION';

/**
 * The platform-wide personal data rule (names, ID numbers, phones of pledgers, members, nominees): a field marked
 * `@personalData` answers null to an anonymous caller and to one the read policy of `@antt/auth` denies personal data
 * (`personalDataWithheld`: EXTERNAL_READER, the external agencies and their API keys, and CITIZEN) without its resolver running, so the value is neither read nor logged; every other
 * caller gets the field's own resolver (where each service's finer masking stays). A marked field must be nullable: the
 * subgraph does not start otherwise. Returns the fields it guarded (`Type.field`).
 */
export function applyPersonalDataPolicy(schema: GraphQLSchema): string[] {
  const declaration = schema.getDirective(PERSONAL_DATA_DIRECTIVE);
  const guarded: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.astNode?.directives?.some((directive: DirectiveNode) => directive.name.value === PERSONAL_DATA_DIRECTIVE)) continue;
      if (!declaration || declaration.locations.join(',') !== 'FIELD_DEFINITION' || declaration.args.length > 0) {
        throw new Error(`${type.name}.${field.name} is marked @personalData: declare it in the SDL as "${PERSONAL_DATA_DIRECTIVE_SDL}".`);
      }
      if (isNonNullType(field.type)) {
        throw new Error(`${type.name}.${field.name} is marked @personalData but is non-null (${String(field.type)}): make it ${String(getNullableType(field.type))}.`);
      }
      const resolve: GraphQLFieldResolver<unknown, { caller?: Caller }> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        withheldFrom(context.caller ?? null) ? null : resolve(source, args, context, info);
      guarded.push(`${type.name}.${field.name}`);
    }
  }
  return guarded;
}

function withheldFrom(caller: Caller): boolean {
  return caller === null || personalDataWithheld(caller.roles);
}
