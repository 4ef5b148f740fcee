/**
 * A configuration the server cannot run with. Its message is one line meant for the operator
 * (what is wrong and where), printed instead of a stack trace; it never contains a secret.
 */
export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '))
  }
}
