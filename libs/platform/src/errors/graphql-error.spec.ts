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

  it("names graphql-js's stop after 50 bad variables BAD_USER_INPUT, as the 50 before it, not an internal error", () => {
    const stop = { message: 'Too many errors processing variables, error limit reached. Execution aborted.' };
    for (const error of [stop, { ...stop, extensions: { code: 'INTERNAL_SERVER_ERROR' } }])
      expect(formatGraphQLError(false)(error)).toEqual({ ...stop, extensions: { code: 'BAD_USER_INPUT' } });
  });
});
