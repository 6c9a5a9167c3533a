import { AppError, errorCatalogue, FieldError } from './app-error';

/** RFC 9457 problem details, as every REST endpoint of the platform returns them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
  correlationId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemDetails(error: AppError, instance?: string, correlationId?: string): ProblemDetails {
  const entry = errorCatalogue[error.code];
  return {
    type: `urn:ccsc:problem:${entry.slug}`,
    title: entry.title,
    status: entry.status,
    detail: error.message,
    ...(instance ? { instance } : {}),
    code: error.code,
    ...(error.fieldErrors.length ? { errors: error.fieldErrors } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
}
