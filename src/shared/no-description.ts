// What a screen reader hears of a picture the lesson gives no description (alt text) for: a picture is never described
// by its file name. `lectern check` warns about each one, with the fix.
export const NO_DESCRIPTION = 'A picture without a description';
