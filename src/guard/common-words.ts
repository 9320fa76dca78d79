/**
 * Words that are ordinary English as well as names, streets, cities, months or mail providers.
 * As on-file fragments they only count when written capitalised mid-sentence ("on Park Road",
 * "Hi Will"), so "you can park there" or "will do" are not read as disclosures.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `will may june april august march rose mark bill grant hope joy faith dawn summer autumn winter spring
  amber ruby pearl ray jack frank grace hunter chase drew guy sue pat art bob rob don gene lee young brown white
  black green gray grey king long price wood woods hill hills park lake river church market high main oak elm pine
  maple cedar mill bridge station castle field fields forest garden gardens orchard valley view ridge meadow
  sunset union center centre college school water bay beach harbor harbour new old live outlook mail home office
  rich sterling page law bell cook baker walker turner fisher mason porter cole case cash gold silver star sky
  stone rock glen dale regent queen prince duke earl lord noble best good fair love sweet happy bright order help
  example support shop store company online service net web post team info sales contact mobile phone card
  email address street road lane court drive avenue place way city town village port point spring springs falls
  heights grove glen park view vista commerce industrial trade main first second third fourth fifth central
  liberty freedom victory pleasant mount mountain cliff shore coast island islands north south east west
  day night morning evening sun moon rain snow may chris angel miles rusty sandy holly ivy daisy lily iris
  poppy willow hazel olive penny sonny sunny dusty frost cliff heath moss reed rush fox wolf bird crane swan
  dove robin jay wren hawk lark finch drake bishop abbot parson dean deacon judge sheriff marshal major
  carter wells banks rivers brooks waters fields marsh moore bush berry bean rice salt pepper sugar honey
  booker sharp strong short small little large big bond noon tuesday friday sunday monday ford hall
  miles angel`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common words that often open a sentence ("Will do.", "Hope that helps"): capitalised there, they prove nothing. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  `will may hope mark grant bill frank pat rob sue guy drew chase park art ray joy grace faith best good happy
  love live order help sweet sunny rich fair young long high main new old small big little short strong sharp
  stone case cash star first second third dawn summer spring winter autumn`
    .split(/\s+/)
    .filter(Boolean),
);
