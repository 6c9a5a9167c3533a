import { formatGraphQLError } from './graphql-error';

describe('formatGraphQLError', () => {
  const enumTypo = {
    message: 'Value "ENN" does not exist in "Language" enum. Did you mean the enum value "EN"?',
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  };

  it('drops suggested names outside development, keeping what was wrong', () => {
    expect(formatGraphQLError(false)(enumTypo)).toEqual({
      message: 'Value "ENN" does not exist in "Language" enum.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('keeps them in development, where introspection is on anyway', () => {
    expect(formatGraphQLError(true)(enumTypo).message).toContain('Did you mean the enum value "EN"?');
  });

  it('masks internal errors and drops stack traces outside development', () => {
    const formatted = formatGraphQLError(false)({
      message: 'duplicate key value violates unique constraint "x"',
      extensions: { stacktrace: ['at …'] },
    });
    expect(formatted).toEqual({
      message: 'Something went wrong on our side',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
