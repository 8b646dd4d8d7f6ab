import { z } from 'zod';
import { COMMANDS } from './commands';

/**
 * The value of every `Action.Submit` Faro puts on a card. A submit that does not match (unknown command,
 * wrong types, extra fields) is refused with a clear message and changes nothing.
 * `answer` is card-only: it carries a choice option id in `arg`. `text` carries an `Input.Text` value.
 */
export const CardSubmit = z.object({
  faro: z.literal(1),
  cmd: z.enum([...COMMANDS, 'answer']),
  arg: z.string().max(200).optional(),
  text: z.string().max(100_000).optional(),
}).strict();
export type CardSubmit = z.infer<typeof CardSubmit>;
