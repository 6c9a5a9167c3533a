import { ValidateBy } from 'class-validator';
import { addresseeNameProblem } from './postal-address';

/** class-validator: the name of someone the service writes to, by `addresseeNameProblem`. */
export const IsAddresseeName = (field = 'name') =>
  ValidateBy({
    name: 'isAddresseeName',
    validator: {
      validate: (value: unknown) => addresseeNameProblem(value, field) === undefined,
      defaultMessage: (args) => addresseeNameProblem(args?.value, field) ?? `${field} must be a name`,
    },
  });
