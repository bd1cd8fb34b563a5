/** "Make an exercise link": the instructor's editor, as a dialog over the lab (to be built). */
export function ExerciseEditorDialog() {
  return null;
}
