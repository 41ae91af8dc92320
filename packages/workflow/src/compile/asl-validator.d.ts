// asl-validator 4 ships no types; this is the call the tests make.
declare module 'asl-validator' {
  interface ValidationResult {
    isValid: boolean;
    errors: { message?: string; path?: string; 'Error code'?: string; Message?: string }[];
  }
  export default function validator(definition: unknown): ValidationResult;
}
