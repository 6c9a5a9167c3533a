import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

type InputClass = () => new (...args: never[]) => object;

/**
 * A field holding one input object, checked by its class's rules. class-validator's `@ValidateNested`
 * alone takes an array for the object and checks nothing inside it (`"applicant": []` reached the code
 * that reads `applicant`: a 500); this refuses anything that is not an object. The one way inputs nest.
 */
export const NestedInput = (type: InputClass): PropertyDecorator =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A field holding a list of input objects, each an object (not an array in the list) checked by its class's rules. */
export const NestedInputs = (type: InputClass): PropertyDecorator =>
  applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
