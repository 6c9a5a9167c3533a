import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error';

export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...(error.fieldErrors.length ? { fieldErrors: error.fieldErrors } : {}),
    },
  });
}

/**
 * graphql-js stops coercing variables after 50 errors with this one, which Apollo Server, unlike the errors
 * before it, leaves without BAD_USER_INPUT: ten thousand bad list items were an internal error.
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached/;

/**
 * Apollo's formatError for every GraphQL server of the platform: outside development, internal
 * errors lose their message (it can carry SQL or personal data), suggestions of names are dropped,
 * and nothing carries a stack trace.
 */
export function formatGraphQLError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.exception;
    if (!exposeDetails) delete extensions.originalError;
    const given = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    const code =
      given === 'INTERNAL_SERVER_ERROR' && TOO_MANY_VARIABLE_ERRORS.test(formatted.message) ? 'BAD_USER_INPUT' : given;
    const masked = code === 'INTERNAL_SERVER_ERROR' && !exposeDetails;
    // graphql-js suggests names ("Did you mean the enum value …?") that production's disabled
    // introspection hides; GraphQL Armor masks field suggestions only, so every kind goes here.
    const message = exposeDetails ? formatted.message : formatted.message.replace(/\s*Did you mean [^?]*\?\s*$/, '');
    return {
      ...formatted,
      message: masked ? 'Something went wrong on our side' : message,
      extensions: { ...extensions, code },
    };
  };
}
