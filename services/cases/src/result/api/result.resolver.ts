import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CorrelationId, CurrentPrincipal, Principal, Roles } from '@ccsc/auth';
import { RESULTERS } from '../../roles';
import { ResultCommands } from '../application/result.commands';
import { RecordResultInput } from './result.inputs';
import { CaseResultModel } from './result.model';

@Resolver(() => CaseResultModel)
export class ResultResolver {
  constructor(private readonly results: ResultCommands) {}

  @Mutation(() => CaseResultModel, { description: 'Records a court result; financial impositions go to enforcement.' })
  @Roles(...RESULTERS)
  recordCaseResult(
    @Args('input', { description: 'The case, the defendant resulted, the outcome and any financial penalties.' })
    input: RecordResultInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const { caseId, ...command } = input;
    return this.results.record(caseId, command, principal, correlationId);
  }
}
