"""The words of a placebo or sham as records write them: a placebo, sham or inactive product named or described, a
sham procedure without the part that treats, a food or hygiene product without what is tested, and a control given
as a placebo in other words."""
from __future__ import annotations

# The forms a cream, gel or liquid product takes, as a placebo's vehicle is named ("Vehicle cream").
PRODUCT_FORMS = "cream|gel|ointment|foam|lotion|solution|spray|drops|emulsion|shampoo|formulation"

# Words that name a placebo, sham or inactive product, or say the arm's product is one, as records write them:
# "Matching placebo", "Vehicle cream", "Saline", "Sugar pill", "Inactive device", "Identical capsules without the
# active ingredient", "0 mg" (a zero dose of the drug), "Detuned ultrasound", "Non-penetrating needles", "Attention
# control" (a behavioural trial's placebo), a placebo's usual substance ("Olive oil capsules" in a fish-oil trial,
# "Control cream", "Physiological serum", "NS 0.9%", "Ringer's lactate", "Formulation buffer", "Adjuvant alone" in a
# vaccine trial, "Cream base", "Petrolatum", "Medical air", "21% O2" or normal air however written ("normal air oxygen
# concentration at 2.2 ATM", "ordinary room oxygen", "ambient air") breathed in an oxygen or gas trial), a product
# without what is tested ("Nicotine-free e-cigarette", "Decaffeinated coffee", "Non-alcoholic beer"), or a dose or
# device that does nothing ("Subtherapeutic dose", "Subthreshold stimulation", "Laser turned off", "Electrodes placed,
# no current delivered", "0 mA", "Non-functioning device", "Unit without electrical output", "Dim red light" in a
# light-therapy trial), placebo misspelt ("Placibo", "Palcebo", "Plecebo", "normal sailine"), abbreviated ("Plb",
# "PBO", NCT01328444) or in a sponsor's language ("Plazebo", "Placébo", "Fictitious stimulation", "False acupuncture",
# "Fictive"), a placebo cream, tablet or food named for its role ("Neutral cream", "Control juice", "Empty gelatin
# capsules", "Canola oil capsules"), a needle that does not pierce ("Blunt retractable needle", "Shallow needling"), a
# product without its drug ("Non-medicated patch"), a comparator drug given to mimic the tested one's side effects (an
# active placebo), or a sham procedure's wording: "Syringe hub pressed against the eye to mimic an injection", "Needles
# at non-acupuncture points", "Current ramped up and down", "Coil tilted 90 degrees away from the scalp", "Device not
# activated", "Laser probe applied with no emission", "Ultrasound at 0 W/cm2", "Zero output".
PLACEBO_WORDS = (r"placebo|\bp(?:la|al|le)[cz][aeioué]?bo\b|\bplb\b|\bpbo\b|\bsham|vehicle|dummy|\binactive|\binert\b"
                 r"|\bmatch(?:ing|ed)\b|\bidentical|simulat|\bmock\b|ficti\w*"
                 r"|\bfalse\s+(?:acupuncture|needl\w*|stimulation|treatment"
                 r"|laser|tdcs|rtms|tens)\b|non-?function\w*|non-?working|unpowered|dim\s+(?:red\s+)?light"
                 r"|\bblunt\w*\s+(?:\w+\s+)?needles?|retractable\s+needles?|shallow\s+needl|non-?medicated|unmedicated"
                 r"|\bmimic\w*\s+(?:\w+\s+){0,3}?(?:side[- ]effects?|adverse\s+effects?|sensations?|taste|appearance"
                 r"|injections?|procedures?|surgery|operation|stimulation|needling|acupuncture|infusion|insertion)"
                 rf"|\bneutral\s+(?:{PRODUCT_FORMS}|tablets?|capsules?)\b"
                 r"|\bhartmann|\bdextrin|\b0\.9\s*%\s*ns\b|\bns\s+0\.9\s*%"
                 r"|imitation|\bpseudo|\bfake\b|sugar\s+(?:pill|tablet|capsule)|sai?line|sodium\s+chloride|\bnacl\b"
                 r"|dextrose|lactose|cellulose|starch|maltodextrin|sucrose|glucose|mannitol|talc|\bflour\b|\bwater\b"
                 r"|\b(?:olive|corn|sunflower|soybean|soya|safflower|mineral|vegetable|coconut|canola|rapeseed)\s+oil\b"
                 r"|paraffin|\b(?:medical|compressed|room|ambient|normal|ordinary|atmospheric)[\s-]+air\b"
                 r"|\b(?:room|ambient)[\s-]+oxygen\b|\b21\s*%\s*(?:o2|oxygen)\b"
                 rf"|\bcontrol\s+(?:{PRODUCT_FORMS}|tablets?|capsules?|pills?|injections?|infusion|drink|beverage"
                 r"|powder|sachets?|product|juice|yog(?:h)?urt|gum|bars?|snacks?)\b|look[- ]?alike|indistinguishable"
                 r"|(?:^|[^\d.,])0(?:[.,]0+)?\s*(?:mg|mcg|µg|ug|g|ml|iu|units?|%)|zero[- ]dose"
                 r"|\b(?:without|no|lacking|free\s+of|devoid\s+of)\s+(?:the\s+|any\s+)?active|non-?active"
                 # a vehicle said to hold no drug ("Formulated bioadhesive fast dissolving film contains no drug")
                 r"|\bcontain(?:s|ing)?\s+no\s+(?:active\s+)?(?:drugs?|medications?|medicines?)\b"
                 r"|\b(?:drug|medication)[\s-]free\s+(?:[\w-]+\s+){0,2}(?:films?|tablets?|capsules?|patch(?:es)?"
                 r"|sprays?|gels?|creams?|solutions?|formulations?|vehicles?)\b"
                 r"|not\s+active|deactivated|switched\s+off|turned\s+off|detuned|attention[- ](?:control|placebo|match)"
                 r"|nocebo|solvent|diluent|excipient|\bblank\b|non-?penetrating|superficial\s+needl|non-?acupoint"
                 r"|non-?acupuncture\s+(?:points?|sites?)|without\s+(?:a\s+|the\s+)?needle\b|needle-?less\s+syringe"
                 r"|syringe\s+hub|empty\s+syringe|\bramp\w*\s+(?:up\s+and\s+)?down|\btilted\s+(?:\w+\s+){0,3}?away"
                 r"|\bcoil\s+(?:\w+\s+){0,2}?tilted|\btilted\s+coil"
                 r"|\bnot\s+(?:be\s+)?(?:activated|turned\s+on|switched\s+on|powered\s+on|energi[sz]ed)\b"
                 r"|minimal\s+(?:acupuncture|needling|stimulation)|streitberger"
                 r"|physiologic\w*\s+(?:serum|solution)|serum\s+physiolog|\bringer|isotonic|\bd5w\b|\bpbs\b|\bbuffer\b"
                 r"|adjuvant\s+(?:only|alone)|empty\s+(?:\w+\s+)?capsules?|nicotine[- ]free|denicotini|decaf"
                 r"|non-?alcoholic"
                 r"|alcohol[- ]free|caffeine[- ]free|sub-?threshold|sub-?therapeutic|non-?therapeutic"
                 r"|ineffective\s+dose"
                 r"|\b(?:device|laser|stimulator|unit|current|light)\s+(?:(?:turned|switched|set|is|was)\s+)?off\b"
                 r"|\bbase\s+(?:cream|ointment|gel)|\b(?:cream|ointment|gel)\s+base\b|petrolat|vaseline"
                 r"|\b(?:no|without)\s+(?:electrical\s+|magnetic\s+|laser\s+|light\s+)?(?:stimulation|current|energy"
                 r"|output|emission|activation|needle\s+penetration)"
                 r"|(?:^|[^\d.,])0(?:[.,]0+)?\s*(?:ma|w)\b|zero\s+(?:intensity|output|power|energy|current)")

# A sham procedure as a Sham Comparator arm may word it without the word sham: the procedure done without the part that
# treats ("Renal angiography without denervation", "Bronchoscopy without valve placement", "Catheter inserted, no
# ablation"), stopped short of the part that treats ("Delivery needle advanced into the skin but without contacting the
# muscle layer", "Cannula placed without penetrating the disc", "without actually injecting") or only its access or
# diagnostic step ("Skin incision only", "Angiography only", "Sedation only"); a delivery system set up "without study
# gas administration" (NCT04290871). Read on Sham Comparator arms alone: a Placebo Comparator's "without stent
# placement" may be medical therapy.
SHAM_PROCEDURE = (r"\b(?:without|no)\s+(?:the\s+|any\s+|actual\s+|real\s+)?(?:\w+\s+){0,2}?(?:denervation|ablation"
                  r"|placement|implantation|deployment|insertion|energy\s+delivery|administration)\b"
                  r"|\bwithout\s+(?:actually\s+|ever\s+)?(?:contacting|penetrating|puncturing|piercing|entering"
                  r"|reaching|touching|injecting|delivering|implanting|deploying|inserting|activating|ablating)\b"
                  r"|\b(?:incision|angiogra\w*|bronchoscopy|endoscopy|catheteri[sz]ation|an(?:a)?esthesia|sedation"
                  r"|mapping)\s+(?:\w+\s+)?only\b")

# A food, drink or hygiene product said to lack what is tested, as a placebo of one is worded: "Chewing gum without
# xylitol", "Yogurt without probiotics", "Fluoride-free toothpaste", "Gluten-free muffin", "Unfortified bread",
# "Non-protein control shake" or "Non caloric drink" in a nutrition trial, "food product without flavanol"
# (NCT01180127). Read on comparator arms only: a drug's "tablets taken without food" says nothing of a placebo.
_PRODUCTS = (r"(?:gum|toothpaste|dentifrice|mouthwash|mouth\s*rinse|yog(?:h)?urt|formula|milk|bread|bars?|biscuits?"
             r"|cookies?|muffins?|chocolate|juice|drinks?|beverages?|snacks?|supplements?|powder|sachets?|shakes?"
             r"|smoothies?|puddings?|meals?|soups?|products?)")
CONTROL_PRODUCT = (rf"\b{_PRODUCTS}\s+(?:\w+\s+){{0,3}}?(?:without|free\s+of|lacking|with\s+no)\b"
                   rf"|\b[a-z0-9]+-free\s+(?:\w+\s+)?{_PRODUCTS}\b|\bnon[-\s][a-z]+\s+(?:\w+\s+)?{_PRODUCTS}\b"
                   r"|\b(?:un|non-?)fortified\b")

# A study's text that names its placebo as a product without something (group 1: "placebo product without
# nicotinamide supplement", NCT05696938; "placebo drink free of caffeine"). Not a placebo-controlled design without
# something ("placebo-controlled study without crossover").
PLACEBO_PRODUCT_LACKING = (rf"\bplacebos?\s+(?:(?:{_PRODUCTS}|tablets?|capsules?|pills?|versions?|formulations?)\s+)?"
                           r"(?:without|free\s+of|lacking|with\s+no|devoid\s+of)\s+(?:the\s+|any\s+|added\s+)?"
                           r"([a-z][a-z0-9-]{2,})")

# A control the study's text says is given as a placebo or a sham, in other words than a placebo's: an active placebo
# ("benztropine as an active placebo"), a control drug not expected to have the effect tested ("a control medication
# not expected to relieve pain (benztropine)"), or a control app or programme presented under the tested one's name
# for blinding ("The control app will also be called ACT on Vaping ..., for blinding purposes"), a device the study
# inactivates as its sham ("all negative ion generators are inactivated", the control of light-therapy trials), or a
# dose given as the placebo, often a low dose of the tested drug ("1) non-psychedelic/placebo dose (psilocybin 1mg) or
# 2) psychedelic dose (psilocybin 25mg)", "a 1 mg dose serving as placebo"), or a control the summary compares the
# tested programme with as "a placebo intervention".
_DEVICES = r"(?:devices?|generators?|units?|lamps?|boxe?s?|stimulators?|lasers?|coils?|machines?|ioni[sz]ers?)"
PLACEBO_BY_PURPOSE = (
    rf"\b{_DEVICES}\s+(?:(?:are|is|was|were|will\s+be|have\s+been|has\s+been)\s+)?(?:inactivated|disabled"
    rf"|disconnected)\b|\b(?:inactivated|disabled|disconnected)\s+(?:[\w-]+\s+){{0,2}}?{_DEVICES}\b"
    r"|\bactive\s+placebo|\bplacebo[\s-]+doses?\b"
    # a control the summary names a placebo of a behavioural kind ("the QR online training compared with a placebo
    # intervention")
    r"|\b(?:compared|comparison)\s+(?:with|to|against)\s+(?:an?\s+|the\s+)?placebo\s+(?:intervention|condition"
    r"|training|programm?e|session|video|app)s?\b"
    r"|\bdoses?\s+(?:[\w-]+\s+){0,3}?(?:as|serving\s+as|used\s+as)\s+(?:an?\s+)?placebo\b"
    r"|\b(?:control|comparison|comparator)\s+(?:\w+\s+){0,2}?(?:medications?|drugs?|substances?|pills?|tablets?"
    r"|capsules?|compounds?)\s+(?:\w+\s+){0,2}?(?:not\s+expected|unlikely|not\s+known|not\s+thought|not\s+believed)"
    r"\s+to\s+(?:have|relieve|improve|affect|treat|help|reduce|alter|change|influence)\b"
    r"|\b(?:control|comparison|comparator|sham)\s+(?:\w+\s+){0,2}?(?:apps?|application|programm?e?s?|software|games?"
    r"|website|version|intervention|condition)\s+(?:[\w-]+\s+){0,12}?(?:called|named|labell?ed|branded|presented"
    r"|introduced)\b[^.;]{0,100}?\b(?:for\s+(?:the\s+)?(?:purposes?\s+of\s+)?blinding|(?:to|will)\s+(?:maintain"
    r"|preserve|keep|ensure)\s+(?:the\s+)?blind)")

# A test, scan or device the comparator arm is given with what it finds kept from those it would guide, the sham of a
# trial of a test or a monitoring device: the test done and its results withheld ("CMR performed but results not
# disclosed", "Genotyping; results withheld from the treating physician"), the device run blinded ("Blinded Sepsis
# Prediction Algorithm", "CGM worn in blinded mode", "alerts are not displayed to clinicians", "SphygmoCor values
# will be blinded to the investigator").
_FINDINGS = (r"(?:results?|findings|alerts?|alarms?|readings?|outputs?|predictions?|notifications?|reports?|values"
             r"|measurements?)")
WITHHELD_FINDINGS = (
    rf"\b{_FINDINGS}\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:(?:are|is|will|were|was|shall|would)\s+)?(?:be\s+)?"
    r"(?:not\s+(?:be\s+)?(?:disclosed|displayed|shown|revealed|shared|communicated|released|returned"
    r"|made\s+available|visible|available)|withheld|concealed|hidden|masked|blinded)\b"
    rf"|\b(?:undisclosed|withheld|concealed|hidden|blinded|masked)\s+(?:[\w-]+\s+)?{_FINDINGS}"
    r"|\bblinded\s+(?:[\w-]+\s+){0,4}?(?:algorithms?|software|devices?|apps?|monitors?|monitoring|sensors?|cgm"
    r"|displays?)\b|\b(?:in|on)\s+(?:a\s+)?(?:blinded|masked|silent|hidden)\s+mode\b")

# A study's text that says its participants are blinded by a sham or placebo, the control's, however the arm is named:
# "Blinding attempt of participants by sham exercise" (a masking description), "Participants are masked with a
# placebo diet", "Sham sessions are used to maintain the blind". Not read where the text denies it ("could not be
# blinded with a sham", NOT_BLINDED_BY_SHAM).
BLINDED_BY_SHAM = (
    r"\b(?:blinding|masking|blinded|masked)\b(?:\s+(?:attempts?|attempted|achieved|ensured|maintained|done|performed"
    r"|of\s+(?:the\s+)?(?:participants?|patients?|subjects?|women|men)|is|was|were|are|will\s+be)){0,3}"
    r"\s+(?:by|with|using|through|via|by\s+means\s+of)\s+(?:an?\s+|the\s+)?(?:sham|placebo)\b"
    r"|\b(?:sham|placebo)\s+(?:[\w-]+\s+){0,3}?(?:(?:is|are|was|were|will\s+be)\s+)?(?:used\s+|given\s+)?"
    r"(?:for|to\s+(?:maintain|ensure|keep|preserve))\s+(?:the\s+)?(?:purposes?\s+of\s+)?blind")
NOT_BLINDED_BY_SHAM = (r"\b(?:not|cannot|impossible\s+to|unable\s+to|no)\s+(?:be\s+|been\s+)?(?:blind|mask)\w*"
                       r"|\b(?:no|without)\s+(?:an?\s+)?(?:sham|placebo)\b")

# An arm's own words that make it a sham by design without the word, in a trial that masks its participants: the
# participants kept blind to this arm ("patients will be blinded to this arm of the study"), or the device given with
# the part that treats taken away ("The liner ... from the Walkabout splint will be applied ..., with the structural
# frame of the splint removed", NCT01419314).
SHAM_BY_DESIGN = (r"\b(?:patients?|participants?|subjects?|volunteers?|women|men|children)\s+(?:will\s+be|are|were"
                  r"|is|was)\s+(?:kept\s+)?(?:blinded|masked|blind)\s+to\s+this\s+(?:arm|group|condition"
                  r"|intervention|treatment)\b"
                  r"|\bwith\s+(?:the|its)\s+(?:[\w-]+\s+){0,3}?(?:frames?|inserts?|magnets?|batter(?:y|ies)"
                  r"|electrodes?|coils?|lens(?:es)?|needles?|wires?|elements?|components?|mechanisms?|springs?|motors?"
                  r"|chips?|crystals?|filters?|struts?|splints?|straps?|plates?|rods?)(?:\s+of\s+(?:the\s+)?[\w-]+"
                  r"(?:\s+[\w-]+)?)?\s+(?:removed|taken\s+out|detached)\b")
