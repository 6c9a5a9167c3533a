import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadUserInputError, FieldError } from './app-error';

/** class-validator errors flattened to `field.path: message` pairs, nested objects and arrays included. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** Unknown fields are refused, not silently dropped: a partner's typo must not pass as success. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadUserInputError('The request has invalid fields', fieldErrors(errors)),
  });
}
