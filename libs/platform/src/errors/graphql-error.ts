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
 * errors lose their message (it can carry SQL or personal data), suggestions of names are dropped,
 * and nothing carries a stack trace.
 */
export function formatGraphQLError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.exception;
    if (!exposeDetails) delete extensions.originalError;
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
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
