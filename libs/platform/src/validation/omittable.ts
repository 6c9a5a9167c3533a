import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out (it then stays as it is) but not sent as null: class-validator's `@IsOptional`
 * lets null through unchecked, and a change that "sets" a required value to null reached the database (a
 * party's name: a 500). With this the field's other rules judge null, and refuse it.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
