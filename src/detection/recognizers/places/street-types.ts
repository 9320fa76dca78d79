const set = (s: string): ReadonlySet<string> => new Set(s.split(' '));

/**
 * Street suffixes written after the street name: the USPS Publication 28 list (primary names, standard
 * abbreviations and common variants), plus British and Irish street types. Lowercase, no trailing dot.
 * Two-letter abbreviations that are also everyday words ("is", "un", "pr") are left out on purpose.
 */
export const STREET_SUFFIXES = set(
  'allee alley ally aly anex annex annx anx arc arcade av ave aven avenu avenue avn avnue bayoo bayou byu bch beach ' +
    'bend bnd blf bluf bluff bluffs blfs bot btm bottm bottom blvd boul boulevard boulv br brnch branch brdge brg ' +
    'bridge brk brook brooks brks burg burgs bg bgs byp bypa bypas bypass byps camp cp cmp canyn canyon cnyn cyn ' +
    'cape cpe causeway causwa cswy cen cent center centr centre cnter cntr ctr centers ctrs cir circ circl circle ' +
    'crcl crcle circles cirs clf cliff clfs cliffs clb club common cmn commons cmns cor corner corners cors course ' +
    'crse court ct courts cts cove cv coves cvs creek crk crescent cres crsent crsnt crest crst crssng crossing ' +
    'xing crossroad xrd crossroads xrds curve curv dale dl dam dm divide div dv dvd dr driv drive drv drives drs ' +
    'est estate estates ests exp expr express expressway expw expy ext extension extn extnsn exts fall falls fls ' +
    'ferry frry fry field fld fields flds flat flt flats flts ford frd fords frds forest forests frst forg forge ' +
    'frg forges frgs fork frk forks frks fort frt ft freeway freewy frway frwy fwy garden gardn grden grdn gdn ' +
    'gardens gdns grdns gateway gatewy gatway gtway gtwy glen gln glens glns green grn greens grns grov grove grv ' +
    'groves grvs harb harbor harbr hbr hrbor harbors hbrs haven hvn ht hts heights highway highwy hiway hiwy hway ' +
    'hwy hill hl hills hls hllw hollow hollows holw holws inlt inlet island islnd isl islands islnds iss isle ' +
    'isles jct jction jctn junction junctn juncton jctns jcts junctions key ky keys kys knl knol knoll knls ' +
    'knolls lk lake lks lakes land landing lndg lndng lane ln lgt light lights lgts lf loaf lck lock lcks locks ' +
    'ldg ldge lodg lodge loop loops mall mnr manor manors mnrs meadow mdw mdws meadows medows mews mill ml mills ' +
    'mls missn mssn msn motorway mtwy mnt mt mount mntain mntn mountain mountin mtin mtn mntns mountains mtns ' +
    'nck neck orch orchard orchrd oval ovl overpass opas park prk parks parkway parkwy pkway pkwy pky parkways ' +
    'pkwys pass passage psge path paths pike pikes pine pines pnes pl place plain pln plains plns plaza plz plza ' +
    'point pt points pts port prt ports prts prairie prr radial rad radiel radl ramp ranch ranches rnch rnchs ' +
    'rapid rpd rapids rpds rest rst rdg rdge ridge ridges rdgs riv river rvr rivr rd road roads rds route rte ' +
    'row rue run shl shoal shls shoals shoar shore shr shoars shores shrs skyway skwy spg spng spring sprng spgs ' +
    'spngs springs sprngs spur spurs sq sqr sqre squ square sqrs squares sta station statn stn stra strav ' +
    'straven stravenue stravn strvn strvnue stream streme strm street strt st str streets sts smt summit sumit ' +
    'sumitt ter terr terrace throughway trwy trace traces trce track tracks trak trk trks trafficway trfy trail ' +
    'trails trl trls trailer trlr trlrs tunel tunl tunls tunnel tunnels tunnl trnpk turnpike turnpk underpass ' +
    'upas union unions valley vally vlly vly valleys vlys vdct viadct viaduct view vw views vws vill villag ' +
    'village villg villiage vlg villages vlgs ville vl vis vist vista vst vsta walk walks wall wy way ways well ' +
    'wells wls ' +
    // British and Irish street types
    'approach appr bank brae broadway chase close cl croft drove end fold gate gardens grange hey mead parade ' +
    'pde promenade prom quay rise side strand vale walk wharf wynd yard circus embankment esplanade green ' +
    'crescent mount row terrace hill nook garth loke',
);

/** Directionals before or after a street name ("7308 E 11th Street", "Main St NW"). */
export const DIRECTIONALS = set(
  'n s e w ne nw se sw north south east west northeast northwest southeast southwest',
);

/**
 * Street types written before the name in Romance languages ("rue de la Paix", "Calle Mayor",
 * "Rua das Flores", "Via Roma"). English words that also work as prefixes ("place") are excluded.
 */
export const PREFIX_STREET_TYPES = set(
  'rue calle avenida avda rua travessa alameda estrada via viale piazza corso vicolo strada carrer passeig ' +
    'chemin allée impasse quai boulevard bd paseo camino carrera ronda plaza praça largo ' +
    // French "12 avenue de la République": the English suffix word also opens Romance street names
    'avenue ' +
    // Polish, Russian, Malay/Indonesian, Thai, Albanian, Greek and Dutch prefix forms
    'ulica ulitsa aleja plac jalan lorong soi thanon rruga odos',
);

/** Words between a house number and a suffix that show the number counts something else ("a 24 hour drive"). */
export const QUANTITY_WORDS = set(
  'hour hours hr hrs minute minutes min mins second seconds day days week weeks month months year years mile ' +
    'miles km kilometers kilometres meter meters metre metres foot feet ft inch inches lb lbs kg pound pounds ' +
    'dollar dollars euro euros cent cents percent item items piece pieces pack packs box boxes unit units star ' +
    'stars time times people person persons kid kids dog dogs cat cats car cars order orders package packages ' +
    'parcel parcels',
);

/** Keywords that open a unit designator after the street ("Apt 4C", "Suite 109", "Fl 2"). */
export const UNIT_WORDS =
  'apt|apartment|suite|ste|unit|flat|fl|floor|room|rm|bldg|building|lot|dept|space|spc|trlr|piso|planta|etage|étage|stock|puerta|wohnung|app|appt|bureau|escalera|esc|' +
  'apto|andar|sala|bloco|depto|dpto|interno|int|scala|piano|bus|bte|boîte|level|lvl|top|tür|stiege|' +
  // Polish flat numbers: "m. 15" (mieszkanie, only with its dot), "lok. 3"
  'm(?=\\.)|lok|lokal|mieszkanie|' +
  // Swedish "lgh 1102" (lägenhet), Portuguese "ap. 803"
  'lgh|lägenhet|ap(?=\\.)';
