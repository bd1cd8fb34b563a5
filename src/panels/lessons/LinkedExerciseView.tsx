/** The exercise an instructor's link carries, shown beside the lab and checked there (to be built). */
export function LinkedExerciseView() {
  return null;
}
