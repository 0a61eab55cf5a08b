/** A party member's page (PARTY_MEMBER): tonight's orders floor by floor, tomorrow's deliveries, its record. */
export const floors = {
  title: '我的楼层',
};
