/**
 * Lessons as data. A lesson is an ordered list of steps; a step opens a lab state (a
 * partial link, decoded by the same URL codec as any link), may hide parts of the lab,
 * may run registered actions, and may carry an exercise that the lab checks.
 */
// The hide flags live with the link's settings, which carry them too.
import type { Hideable } from '../state/hidden';
export { HIDEABLE, type Hideable } from '../state/hidden';

/** One lesson, following one of the lecture decks in `shared/seeds/`. */
export interface Lesson {
  /** Stable slug used in links (`lesson=ID`): lower-case letters, digits and dashes. */
  readonly id: string;
  readonly title: string;
  /** One line for the lessons index. */
  readonly summary: string;
  /** The deck it follows, e.g. "000" (the seeds' file prefix). */
  readonly deck: string;
  /** Estimated minutes for a learner working through it. */
  readonly minutes: number;
  readonly steps: readonly LessonStep[];
}

/** One screen of a lesson, shown beside the lab. */
export interface LessonStep {
  readonly title: string;
  /** The step's text: Markdown with `$…$` / `$$…$$` KaTeX maths; rendered with HTML disabled. */
  readonly prose: string;
  /**
   * The lab state the step opens, as a partial link fragment without the version
   * (e.g. `panel=architecture&preset=lenet5&layer=0`); keys it leaves out keep the learner's value.
   */
  readonly state?: string;
  /** Parts of the lab the step hides so only what matters shows (names from `HIDEABLE`). */
  readonly hide?: readonly Hideable[];
  /** Registered actions (by id, see `state/actions`) the step offers as buttons, in order. */
  readonly actions?: readonly StepAction[];
  readonly exercise?: Exercise;
}

/** A registered action a step offers, with the label the step gives it. */
export interface StepAction {
  /** An action id from the action registry, e.g. "training.epoch". */
  readonly id: string;
  /** What the step's button says; the action's own label when omitted. */
  readonly label?: string;
}

export type Exercise = NumericExercise | ChoiceExercise | MakeItSoExercise;

/** "What is the output size of this layer?": a number, checked with a tolerance. */
export interface NumericExercise {
  readonly kind: 'numeric';
  /** Markdown. */
  readonly question: string;
  readonly answer: number;
  /** Accepted absolute difference from the answer (0 for exact integers). */
  readonly tolerance: number;
  /** Shown after two wrong tries: the formula and the numbers to put in (Markdown). */
  readonly hint: string;
  /** The unit the answer is in, if any ("parameters", "pixels"). */
  readonly unit?: string;
}

/** Multiple choice, with an explanation for each wrong choice. */
export interface ChoiceExercise {
  readonly kind: 'choice';
  readonly question: string;
  readonly choices: readonly Choice[];
}

export interface Choice {
  readonly text: string;
  readonly correct?: boolean;
  /** Why this choice is wrong (or, for the right one, why it is right). Markdown. */
  readonly why: string;
}

/** "Make it so": the learner changes the lab until a checker on its live state passes. */
export interface MakeItSoExercise {
  readonly kind: 'make-it-so';
  readonly question: string;
  readonly check: CheckerRef;
  /** The state the exercise starts from; it must fail the check (the unit tests prove it). */
  readonly start: ExerciseState;
  /** A state that passes the check; it must pass (the unit tests prove it). */
  readonly solution: ExerciseState;
  readonly hint?: string;
}

/** A lab state for checking: a partial link plus what the engine would have reported. */
export interface ExerciseState {
  /** Partial link fragment, as `LessonStep.state`. */
  readonly link: string;
  readonly report?: EngineReport;
}

/** A checker from the library, by id, with its parameters. */
export interface CheckerRef {
  readonly id: string;
  readonly params: Readonly<Record<string, number | string>>;
}

/**
 * What the engine and the playground have reported about the live run; a checker that
 * needs a number that is missing says what to do to get it ("train first").
 */
export interface EngineReport {
  /** Training steps taken. */
  readonly step?: number;
  /** The latest validation accuracy, 0..1. */
  readonly validationAccuracy?: number;
  /** The latest training loss (NaN or Infinity once training diverged). */
  readonly trainingLoss?: number;
  /** The neuron playground's accuracy on its toy data, 0..1. */
  readonly toyAccuracy?: number;
  /** The latest gradient check's relative error between finite differences and backprop. */
  readonly gradientCheckRelativeError?: number;
  /** The step ε that gradient check used for its finite differences. */
  readonly gradientCheckEpsilon?: number;
}

/** A checker's verdict: passed, and what to say (what is still wrong, or well done). */
export interface CheckOutcome {
  readonly pass: boolean;
  readonly feedback: string;
}
