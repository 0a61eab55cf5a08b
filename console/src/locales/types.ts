/** For each plural key `x_other` of the zh-CN resources (Chinese has one form), the singular `x_one` a language such as English adds. */
type SingularForms<T> = { [K in keyof T as K extends `${infer Base}_other` ? `${Base}_one` : never]: string };

/** The shape of a translation: the same keys as the zh-CN resources, every leaf a string, and an `_one` beside each `_other`. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> } & SingularForms<T>;
