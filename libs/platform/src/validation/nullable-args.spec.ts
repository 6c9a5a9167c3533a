import 'reflect-metadata';
import { ArgumentMetadata } from '@nestjs/common';
import { Length } from 'class-validator';
import { createValidationPipe } from '../errors/validation.pipe';
import { NullableArgs } from './nullable-args';

class OfficerInput {
  @Length(1, 255) investigatingOfficer?: string;
}

describe('NullableArgs', () => {
  it('records the input class as the parameter type, so the validation pipe judges it', async () => {
    class Resolver {
      start(@NullableArgs('input', () => OfficerInput) input: OfficerInput | undefined) {
        return input;
      }
    }
    const [metatype] = Reflect.getMetadata('design:paramtypes', Resolver.prototype, 'start') as [
      ArgumentMetadata['metatype'],
    ];
    expect(metatype).toBe(OfficerInput);
    const pipe = createValidationPipe();
    const metadata: ArgumentMetadata = { type: 'body', metatype, data: 'input' };
    await expect(pipe.transform({ investigatingOfficer: 'x'.repeat(5_000) }, metadata)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(pipe.transform({ investigatingOfficer: 'Sam Jones' }, metadata)).resolves.toBeInstanceOf(OfficerInput);
  });
});
