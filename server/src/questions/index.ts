export * from './loadQuestionBank.js';
export * from './publicQuestion.js';
export * from './publicTrack.js';
export * from './QuestionBankError.js';
export * from './summarizeBank.js';
