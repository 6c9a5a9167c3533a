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
 * Apollo's formatError for every GraphQL server of the platform: outside development, internal
 * errors lose their message (it can carry SQL or personal data) and nothing carries a stack trace.
 */
export function formatGraphQLError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.exception;
    if (!exposeDetails) delete extensions.originalError;
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    const masked = code === 'INTERNAL_SERVER_ERROR' && !exposeDetails;
    return {
      ...formatted,
      message: masked ? 'Something went wrong on our side' : formatted.message,
      extensions: { ...extensions, code },
    };
  };
}
