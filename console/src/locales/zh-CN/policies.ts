/** The policies page. */
export const policies = {
  title: '补贴政策',
};
