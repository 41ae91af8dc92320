/**
 * The refusals of the yearly evaluation, each with a stable code and a message in
 * Chinese and English.
 */
import { DomainError, formatDeadline } from '@sme/core';
import { NotFoundError } from '../errors.js';

export class EvaluationNotConfiguredError extends DomainError {
  override readonly name = 'EvaluationNotConfiguredError';
  constructor() {
    super('invalid', 'evaluation_not_configured', {
      zh: '本地监管规则未设年度评价的等次标准，无法开展评价',
      en: "The tenant's rules set no grading for a yearly evaluation",
    });
  }
}

export class InvalidYearError extends DomainError {
  override readonly name = 'InvalidYearError';
  constructor(year: number) {
    super('invalid', 'invalid_year', {
      zh: `不能评价 ${year} 年度：年度尚未开始`,
      en: `${year} cannot be evaluated: the year has not begun`,
    });
  }
}

export class EvaluationExistsError extends DomainError {
  override readonly name = 'EvaluationExistsError';
  constructor(year: number) {
    super('conflict', 'evaluation_exists', {
      zh: `${year} 年度评价已开展`,
      en: `The evaluation of ${year} is already open`,
    });
  }
}

export class EvaluationNotFoundError extends NotFoundError {
  override readonly name = 'EvaluationNotFoundError';
  constructor(year: number) {
    super('evaluation_not_found', { zh: `${year} 年度评价`, en: `The evaluation of ${year}` });
  }
}

export class NotEvaluatedError extends NotFoundError {
  override readonly name = 'NotEvaluatedError';
  constructor() {
    super('not_evaluated', {
      zh: '本年度评价名单中的该服务商',
      en: 'This member in the evaluation',
    });
  }
}

export class UnknownIndicatorError extends DomainError {
  override readonly name = 'UnknownIndicatorError';
  constructor(id: string) {
    super('invalid', 'unknown_indicator', {
      zh: `该服务商的评价指标中没有：${id}`,
      en: `Not an indicator of this member's evaluation: ${id}`,
    });
  }
}

export class CommentWindowClosedError extends DomainError {
  override readonly name = 'CommentWindowClosedError';
  constructor(until: Date) {
    super('conflict', 'comment_window_closed', {
      zh: `意见反馈须在 ${formatDeadline(until)}（北京时间）前提出，已截止`,
      en: `Comments were open until ${formatDeadline(until)} Beijing time`,
    });
  }
}

export class CommentWindowOpenError extends DomainError {
  override readonly name = 'CommentWindowOpenError';
  constructor(until: Date) {
    super('conflict', 'comment_window_open', {
      zh: `服务商意见反馈期至 ${formatDeadline(until)}（北京时间）结束，之后方可发布`,
      en: `Members may comment until ${formatDeadline(until)} Beijing time; publish after that`,
    });
  }
}

export class ScoresMissingError extends DomainError {
  override readonly name = 'ScoresMissingError';
  constructor(names: readonly string[]) {
    const shown = names.slice(0, 5).join('、');
    const more = names.length > 5 ? ` 等 ${names.length} 家` : '';
    super('invalid', 'scores_missing', {
      zh: `以下服务商尚有评价指标未评分：${shown}${more}`,
      en: `${names.length} member(s) still have indicators without a score: ${names.slice(0, 5).join(', ')}`,
    });
  }
}
