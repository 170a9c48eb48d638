"""Regions the registry shows as a site's state in countries whose rows often name one (its geocoded first-level
regions in English and in the country's own spelling, and the provinces or departments some sites give instead).

None of these lists is complete: a row ending with a region not listed here still reads as its city (place_names).
Regions that are also the name of a city ('Barcelona', 'Utrecht', 'Roma') are in CITY_NAMED: alone at a row's end
such a name may be the site's city or its state.
"""
from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    """The names, in lower case, each with an apostrophe also as a copy's typographic one ("Coeur d’Alene")."""
    names = {name.strip().casefold() for name in text.replace("\n", "").split("|") if name.strip()}
    return frozenset(names | {name.replace("'", "\u2019") for name in names if "'" in name})


REGIONS = {
    "united kingdom": _names("England|Scotland|Wales|Northern Ireland|Greater London|Greater Manchester|Merseyside|"
                             "West Midlands|West Yorkshire|South Yorkshire|Tyne and Wear|Lancashire|Kent|Surrey|"
                             "Essex|Hampshire|Devon|Cornwall|Norfolk|Suffolk|Oxfordshire|Cambridgeshire|Lothian|"
                             "Leicestershire|Lanarkshire|Yorkshire|North Yorkshire|Cheshire|Derbyshire|"
                             "Nottinghamshire|Staffordshire|Warwickshire|Gloucestershire|Somerset|Dorset|"
                             "Wiltshire|Berkshire|Buckinghamshire|Hertfordshire|Bedfordshire|Northamptonshire|"
                             "Lincolnshire|Worcestershire|Shropshire|West Sussex|East Sussex|East Yorkshire|"
                             "East Riding of Yorkshire|Cumbria|"
                             "Northumberland|Middlesex|Aberdeenshire|Fife|Tayside|Grampian|Strathclyde|"
                             # historic and postal counties, and the abbreviations sites write them with
                             "Sussex|Avon|Cleveland|Humberside|South Humberside|North Humberside|Herefordshire|"
                             "Isle of Wight|Rutland|County Durham|"
                             "Midlothian|West Lothian|East Lothian|Ayrshire|Renfrewshire|Dunbartonshire|"
                             "Stirlingshire|Perthshire|Highland|Dumfries and Galloway|Scottish Borders|Gwent|"
                             "Glamorgan|South Glamorgan|Mid Glamorgan|West Glamorgan|Dyfed|Gwynedd|Clwyd|Powys|"
                             "County Antrim|County Down|County Armagh|County Tyrone|Hants|Herts|Beds|Berks|Bucks|"
                             "Cambs|Glos|Lancs|Leics|Lincs|Middx|Northants|Notts|Oxon|Salop|Staffs|Warks|Wilts|"
                             "Worcs|Yorks|"),
    "ireland": _names("Leinster|Munster|Connacht|Connaught|Ulster|County Dublin|County Cork|County Galway|"),
    "france": _names("""Île-de-France|Ile-de-France|Île-de-France Region|Auvergne-Rhône-Alpes|Auvergne-Rhone-Alpes|
        Provence-Alpes-Côte d'Azur|Provence-Alpes-Cote d'Azur|Hauts-de-France|Grand Est|Occitanie|Occitania|
        Nouvelle-Aquitaine|Bretagne|Brittany|Normandie|Normandy|Pays de la Loire|Centre-Val de Loire|
        Bourgogne-Franche-Comté|Bourgogne-Franche-Comte|Corse|Corsica|Alsace|Aquitaine|Rhône-Alpes|Rhone-Alpes|
        Languedoc-Roussillon|Midi-Pyrénées|Midi-Pyrenees|Lorraine|Picardie|Nord-Pas-de-Calais|Limousin|Auvergne|
        Haute-Normandie|Basse-Normandie|Pays-de-la-Loire|Provence-Alpes-Côte-d'Azur|
        Champagne-Ardenne|Franche-Comté|Poitou-Charentes|
        Ain|Aisne|Allier|Alpes-Maritimes|Ardèche|Aube|Aude|Bas-Rhin|Bouches-du-Rhône|
        Bouches-du-Rhone|Calvados|
        Charente|Charente-Maritime|Cher|Côte-d'Or|Cote-d'Or|Côtes-d'Armor|Dordogne|Doubs|Drôme|Drome|Essonne|Eure|
        Finistère|Finistere|Gard|Gironde|Haute-Garonne|Haute-Savoie|Haute-Vienne|Haut-Rhin|Hauts-de-Seine|Hérault|
        Herault|Ille-et-Vilaine|Indre-et-Loire|Isère|Isere|Loire|Loire-Atlantique|Loiret|Maine-et-Loire|Manche|
        Marne|Meurthe-et-Moselle|Morbihan|Moselle|Nord|Oise|Pas-de-Calais|Puy-de-Dôme|Pyrénées-Atlantiques|
        Pyrénées-Orientales|Rhône|Rhone|Saône-et-Loire|Sarthe|Savoie|Seine-Maritime|Seine-Saint-Denis|
        Seine-et-Marne|Somme|Tarn|Val-de-Marne|Val-d'Oise|Var|Vaucluse|Vendée|Vienne|Yvelines"""),
    "italy": _names("""Abruzzo|Basilicata|Calabria|Campania|Emilia-Romagna|Emilia Romagna|Friuli-Venezia Giulia|
        Friuli Venezia Giulia|Lazio|Latium|Liguria|Lombardia|Lombardy|Marche|Molise|Piemonte|Piedmont|Puglia|Apulia|
        Sardegna|Sardinia|Sicilia|Sicily|Toscana|Tuscany|Trentino-Alto Adige|Trentino Alto Adige|Umbria|
        Valle d'Aosta|Aosta Valley|Veneto|Roma|Milano|Torino|Napoli|Firenze|Bologna|Genova|Padova|Cagliari|Bari|
        Palermo|Catania|Verona|Brescia|Bergamo|Pavia|Modena|Parma|Pisa|Siena|Perugia|Ancona|Monza e Brianza|
        Reggio Emilia|Udine|Trieste|Messina|Salerno|Foggia|Lecce|Novara|Varese|Como|Treviso|Vicenza"""),
    "spain": _names("""Barcelona|Valencia|Sevilla|Seville|Málaga|Malaga|Cádiz|Cadiz|Córdoba|Cordoba|Granada|Alicante|
        Murcia|Zaragoza|Vizcaya|Bizkaia|Guipúzcoa|Gipuzkoa|Navarra|A Coruña|La Coruña|Pontevedra|Asturias|
        Cantabria|Salamanca|Valladolid|Burgos|León|Leon|Badajoz|Cáceres|Caceres|Toledo|Albacete|Girona|Gerona|
        Lleida|Lérida|Lerida|Tarragona|Castellón|Castellon|Islas Baleares|Illes Balears|Baleares|Las Palmas|
        Santa Cruz de Tenerife|Tenerife|Comunidad de Madrid|València|Valenciana, Comunitat|Almería|Almeria|
        Guipuzcoa|A Coruna|Coruna"""),
    "belgium": _names("""Flanders|Vlaanderen|Wallonia|Wallonie|Brussels Capital|Brussels-Capital Region|
        Brussels Capital Region|Bruxelles-Capitale|Région de Bruxelles-Capitale|Antwerpen|Antwerp|
        Oost-Vlaanderen|East Flanders|West-Vlaanderen|West Flanders|Vlaams-Brabant|Flemish Brabant|Brabant Wallon|
        Walloon Brabant|Hainaut|Henegouwen|Liège|Liege|Limburg|Namur|Luxembourg"""),
    "netherlands": _names("""Noord-Holland|North Holland|Zuid-Holland|South Holland|Utrecht|Gelderland|Noord-Brabant|
        North Brabant|Limburg|Overijssel|Groningen|Friesland|Fryslân|Drenthe|Flevoland|Zeeland"""),
    "denmark": _names("""Capital Region|Capital Region of Denmark|Region Hovedstaden|Hovedstaden|Central Jutland|
        Central Denmark Region|Region Midtjylland|Midtjylland|North Denmark|North Denmark Region|North Jutland|
        Region Nordjylland|Nordjylland|Zealand|Region Zealand|Region Sjælland|Sjælland|South Denmark|
        Southern Denmark|Region of Southern Denmark|Region Syddanmark|Syddanmark"""),
    "sweden": _names("""Stockholm County|Stockholms län|Uppsala County|Uppsala län|Södermanland County|
        Östergötland County|Jönköping County|Kronoberg County|Kalmar County|Gotland County|Blekinge County|
        Skåne County|Skåne län|Skane|Skåne|Halland County|Västra Götaland County|Västra Götalands län|
        Vastra Gotaland|Värmland County|Örebro County|Västmanland County|Dalarna County|Gävleborg County|
        Västernorrland County|Jämtland County|Västerbotten County|Norrbotten County|Stockholms Lan|Uppsala Lan|
        Västra Götalands Lan|Vastra Gotalands Lan|Skåne Lan|Skane Lan|Östergötlands län|Ostergotlands Lan|
        Hallands län|Örebro län|Orebro Lan|Västerbottens län|Vasterbottens Lan|Norrbottens län|Jönköpings län|
        Kalmar län|Dalarnas län|Gävleborgs län|Värmlands län|Västmanlands län|Södermanlands län|Kronobergs län|
        Blekinge län|Västernorrlands län|Jämtlands län|Gotlands län"""),
    "finland": _names("""Uusimaa|Pirkanmaa|Varsinais-Suomi|Southwest Finland|North Ostrobothnia|Pohjois-Pohjanmaa|
        Northern Savonia|Pohjois-Savo|Central Finland|Keski-Suomi|Southern Finland|Western Finland|
        Eastern Finland|Länsi-Suomen Lääni|Etelä-Suomen Lääni|Itä-Suomen Lääni|Oulun Lääni|Lapland|Lappi"""),
    "norway": _names("""Oslo County|Hordaland|Akershus|Sør-Trøndelag|Viken|Vestland|Rogaland|Trøndelag|Troendelag|
        Innlandet|Agder|Nordland|Troms og Finnmark|Møre og Romsdal|Vestfold og Telemark|Buskerud|Aust-Agder|
        Vest-Agder|Oppland|Hedmark|Østfold|Vestfold|Telemark|Sogn og Fjordane|Nord-Trøndelag|Finnmark|Troms"""),
    "korea, republic of": _names("""Seoul|Seoul-teukbyeolsi|Seoul Teukbyeolsi|Seoul Teugbyeolsi|Gyeonggi-do|Gyeonggido|
        Busan|Busan-gwangyeoksi|Incheon|Incheon-gwangyeoksi|Daegu|Daegu-gwangyeoksi|Daejeon|Gwangju|Ulsan|
        Gangwon-do|Chungcheongbuk-do|Chungcheongnam-do|Jeollabuk-do|Jeollanam-do|Gyeongsangbuk-do|
        Gyeongsangnam-do|Jeju-do|Jeju-teukbyeoljachido|Sejong|Kyonggi-do|Kyǒnggi-do|Kyŏnggi-do|Taegu-Kwangyokshi|
        Taegu-Kwangyǒkshi|Pusan-Kwangyokshi|Pusan-Kwangyǒkshi|Taejon-Kwangyokshi|Taejŏn-Kwangyŏkshi|
        Inch'ŏn-Kwangyŏkshi|Kwangju-Kwangyŏkshi|Kyongsangnam-do|Kyǒngsangnam-do|Kyongsangbuk-do|Chollanam-do|
        Jeonranamdo|Jeollanamdo|Chungbuk|Chungnam|Jeonbuk|Jeonnam|Gyeongbuk|Gyeongnam|Kangwon-do"""),
    "turkey": _names("""İstanbul|Istanbul|Ankara|İzmir|Izmir|Antalya|Bursa|Adana|Konya|Kocaeli|Kayseri|Eskişehir|
        Eskisehir|Samsun|Trabzon|Malatya|Erzurum|Diyarbakır|Diyarbakir|Gaziantep|Mersin|Içel|İçel|Edirne|
        Denizli|İ̇stanbul|İ̇zmir"""),
    "austria": _names("""Wien|Vienna|Niederösterreich|Lower Austria|Oberösterreich|Upper Austria|Steiermark|Styria|
        Tirol|Tyrol|Kärnten|Carinthia|Salzburg|Vorarlberg|Burgenland"""),
    "switzerland": _names("""Zürich|Zurich|Bern|Berne|Basel-Stadt|Basel-Landschaft|Vaud|Genève|Geneva|Ticino|
        St. Gallen|Sankt Gallen|Aargau|Luzern|Lucerne|Graubünden|Valais|Fribourg|Neuchâtel|Thurgau"""),
    "poland": _names("""Mazowieckie|Masovian Voivodeship|Małopolskie|Malopolskie|Lesser Poland Voivodeship|Śląskie|
        Slaskie|Silesian Voivodeship|Dolnośląskie|Dolnoslaskie|Lower Silesian Voivodeship|Wielkopolskie|
        Greater Poland Voivodeship|Pomorskie|Pomeranian Voivodeship|Łódzkie|Lodzkie|Łódź Voivodeship|Lubelskie|
        Lublin Voivodeship|Podkarpackie|Subcarpathian Voivodeship|Kujawsko-pomorskie|Kujawsko-Pomorskie|
        Kuyavian-Pomeranian Voivodeship|Zachodniopomorskie|West Pomeranian Voivodeship|Warmińsko-mazurskie|
        Warminsko-Mazurskie|Warmian-Masurian Voivodeship|Świętokrzyskie|Swietokrzyskie|Podlaskie|
        Podlaskie Voivodeship|Lubuskie|Opolskie|Opole Voivodeship"""),
    "czechia": _names("""Praha|Prague|Hlavní město Praha|Středočeský kraj|Central Bohemia|Jihomoravský kraj|
        South Moravian|South Moravian Region|Moravskoslezský kraj|Moravian-Silesian|Moravian-Silesian Region|
        Olomoucký kraj|Olomouc Region|Plzeňský kraj|Plzeňský Kraj|Pilsen Region|Královéhradecký kraj|
        Hradec Králové Region|Jihočeský kraj|South Bohemian Region|Ústecký kraj|Zlínský kraj|Pardubický kraj|
        Liberecký kraj|Karlovarský kraj|Vysočina|Hradec Králové|Brno-město|Ostrava Město|Ostrava-město"""),
    "greece": _names("""Attica|Attiki|Central Macedonia|Kentriki Makedonia|Crete|Kriti|Thessaly|Thessalia|
        West Greece|Western Greece|Epirus|Peloponnese|Central Greece|East Macedonia and Thrace|West Macedonia|
        Ionian Islands|North Aegean|South Aegean|Attikí|Kentrikí Makedonía|Thessalía|Ípeiros|Kríti|Dytikí Elláda|
        Achaḯa|Achaia|Irakleío|Peloponnísos|Stereá Elláda|Dytikí Makedonía|Anatolikí Makedonía kai Thráki"""),
    "portugal": _names("""Lisboa|Lisbon|Lisbon District|Porto|Porto District|Coimbra|Coimbra District|Braga|
        Braga District|Faro|Faro District|Setúbal|Setúbal District|Aveiro|Aveiro District|Viseu|Leiria|Santarém|
        Vila Real|Madeira|Azores"""),
    "india": _names("""Andhra Pradesh|Assam|Bihar|Chhattisgarh|Delhi|Goa|Gujarat|Haryana|Himachal Pradesh|
        Jammu and Kashmir|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Odisha|Orissa|
        Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|West Bengal|Chandigarh|
        Puducherry|Pondicherry"""),
    "mexico": _names("""Aguascalientes|Baja California|Baja California Sur|Campeche|Chiapas|Chihuahua|Coahuila|
        Colima|Durango|Guanajuato|Guerrero|Hidalgo|Jalisco|Estado de México|Michoacán|Michoacan|Morelos|
        Nayarit|Nuevo León|Nuevo Leon|Oaxaca|Puebla|Querétaro|Queretaro|Quintana Roo|San Luis Potosí|
        San Luis Potosi|Sinaloa|Sonora|Tabasco|Tamaulipas|Tlaxcala|Veracruz|Yucatán|Yucatan|Zacatecas|
        Distrito Federal|CDMX|DIF"""),
    "argentina": _names("""Buenos Aires|Ciudad Autónoma de Buenos Aires|Ciudad Autonoma de Buenos Aires|
        Ciudad de Buenos Aires|Caba|Catamarca|
        Chaco|Chubut|Córdoba|Cordoba|Corrientes|Entre Ríos|Entre Rios|Formosa|Jujuy|La Pampa|La Rioja|Mendoza|
        Misiones|Neuquén|Neuquen|Río Negro|Rio Negro|Salta|San Juan|San Luis|Santa Cruz|Santa Fe|
        Santiago del Estero|Tierra del Fuego|Tucumán|Tucuman"""),
    "colombia": _names("""Antioquia|Atlántico|Atlantico|Bolívar|Bolivar|Boyacá|Caldas|Cauca|Cesar|Córdoba|
        Cundinamarca|Distrito Capital de Bogotá|Huila|Magdalena|Meta|Nariño|Norte de Santander|Quindío|Quindio|
        Risaralda|Santander|Sucre|Tolima|Valle del Cauca"""),
    "pakistan": _names("""Punjab|Sindh|Khyber Pakhtunkhwa|Balochistan|Islamabad Capital Territory|
        Gilgit-Baltistan|Azad Kashmir"""),
    "new zealand": _names("""Auckland|Waikato|Wellington|Canterbury|Otago|Bay of Plenty|Manawatu-Wanganui|
        Hawke's Bay|Northland|Southland|Taranaki|Nelson|Tasman|Marlborough|West Coast|Gisborne"""),
    "south africa": _names("""Gauteng|Western Cape|Eastern Cape|Northern Cape|KwaZulu-Natal|Kwazulu-Natal|
        Free State|Limpopo|Mpumalanga|North West|GP|WC|EC|KZN|FS|LP|MP|NW|NC"""),
    "romania": _names("""Bucureşti|București|Bucuresti|Cluj|Iași|Iasi|Timiș|Timis|Constanța|Constanta|Dolj|Bihor|
        Brașov|Brasov|Prahova|Sibiu|Mureș|Mures|Argeș|Arges|Galați|Galati|Ilfov|Suceava|Bacău|Bacau|Arad|Alba"""),
    "malaysia": _names("""Johor|Kedah|Kelantan|Melaka|Malacca|Negeri Sembilan|Negri Sembilan|Pahang|Perak|Perlis|
        Pulau Pinang|Penang|Sabah|Sarawak|Selangor|Terengganu|Wilayah Persekutuan Kuala Lumpur|Kuala Lumpur|
        Federal Territory of Kuala Lumpur|FED. Territory OF Kuala Lumpur|Wilayah Persekutuan Putrajaya|
        Wilayah Persekutuan"""),
    "australia": _names("Australian Capital Territory|Northern Territory"),
    # the territories older records list as a state of the United States
    "united states": _names("Puerto Rico|Guam|Virgin Islands|U.S. Virgin Islands|American Samoa|"
                            "Northern Mariana Islands"),
    "singapore": _names("Central Singapore|Central Region|North East|North West|South East|South West"),
    "vietnam": _names("Ha Noi|Hà Nội|Ho Chi Minh|Hồ Chí Minh|Da Nang|Đà Nẵng|Hai Phong|Can Tho"),
    "hungary": _names("""Bács-Kiskun|Bacs-Kiskun|Baranya|Békés|Bekes|Borsod-Abaúj-Zemplén|
        Borsod-Abauj-Zemplen|Csongrád|Csongrad|Csongrád-Csanád|Fejér|Fejer|Győr-Moson-Sopron|Gyor-Moson-Sopron|
        Hajdú-Bihar|Hajdu-Bihar|Heves|Jász-Nagykun-Szolnok|Jasz-Nagykun-Szolnok|Komárom-Esztergom|
        Komarom-Esztergom|Nógrád|Nograd|Pest|Somogy|Szabolcs-Szatmár-Bereg|Szabolcs-Szatmar-Bereg|Tolna|Vas|
        Veszprém|Veszprem|Zala"""),
    "israel": _names("""HaMerkaz|Central District|HaTsafon|HaZafon|Northern District|HaDarom|Southern District|
        Yerushalayim|Jerusalem District|Tel-Aviv|Tel Aviv District|Ḥeifā|Haifa District|Tall Abīb|Tell Abīb|
        Judea and Samaria"""),
    "chile": _names("""Región Metropolitana|Region Metropolitana|Región-Metropolitana|Metropolitana|
        Región Metropolitana de Santiago|Santiago Metropolitan|Araucanía|Araucania|La Araucanía|Valparaíso|
        Valparaiso|Biobío|Bío-Bío|Biobio|Maule|Los Lagos|Los Ríos|Coquimbo|Antofagasta|Atacama|Tarapacá|Tarapaca|
        Arica y Parinacota|Aysén|Magallanes|Ñuble|Libertador General Bernardo O'Higgins|
        Libertador Gen Bernardo O Higgins|O'Higgins"""),
    "thailand": _names("""Krung Thep Maha Nakhon|Khon Kaen|Chiang Mai|Songkhla|Lampang|Phitsanulok|Pathum Thani|
        Samut Prakan|Chon Buri|Nakhon Ratchasima|Ubon Ratchathani|Phuket|Nakhon Pathom|
        Udon Thani"""),
    "saudi arabia": _names("""Ar Riyāḑ|Ar Riyad|Riyadh Region|Ash Sharqīyah|Eastern Province|Makkah Al Mukarramah|
        Makkah|Mecca Region|Al Madīnah al Munawwarah|Al Madinah|Al Qaşīm|Al-Qassim|Asir|Jazan|Tabuk|Najran"""),
    "taiwan": _names("""Yunlin|Yunlin County|Chiayi County|Changhua County|Hsinchu County|Pingtung County|
        Yilan County|Hualien County"""),
    "croatia": _names("""Grad Zagreb|City of Zagreb|Splitsko-dalmatinska Županija|Primorsko-goranska Županija|
        Dubrovačko-neretvanska Županija|Osječko-baranjska Županija|Zagrebačka Županija"""),
    "estonia": _names("""Harju|Harjumaa|Harju County|Tartu|Tartumaa|Tartu County|Ida-Virumaa|Ida-Viru County|
        Pärnumaa|Pärnu County|Lääne-Virumaa"""),
    "russian federation": _names("""Moskovskaya Oblast'|Leningradskaya Oblast'|Novosibirskaya Oblast'|
        Sverdlovskaya Oblast'|Samarskaya Oblast'|Rostovskaya Oblast'|
        Nizhegorodskaya Oblast'|Tatarstan|Respublika Tatarstan|Bashkortostan|Krasnodarskiy Kray|Permsky|
        Permskiy Kray"""),
}
# the same country under the registry's other name
REGIONS["russia"] = REGIONS["russian federation"]

# Regions of these lists that are also a city's name: alone at a row's end such a name is the city or the state.
CITY_NAMED = _names("""Roma|Milano|Torino|Napoli|Firenze|Bologna|Genova|Padova|Cagliari|Bari|Palermo|Catania|Verona|
    Brescia|Bergamo|Pavia|Modena|Parma|Pisa|Siena|Perugia|Ancona|Udine|Trieste|Messina|Salerno|Foggia|Lecce|Novara|
    Varese|Como|Treviso|Vicenza|Barcelona|Valencia|Sevilla|Seville|Málaga|Malaga|Cádiz|Cadiz|Córdoba|Cordoba|
    Granada|Alicante|Murcia|Zaragoza|Pontevedra|Salamanca|Valladolid|Burgos|León|Leon|Badajoz|Cáceres|Caceres|Toledo|
    Albacete|Girona|Gerona|Lleida|Lérida|Tarragona|Castellón|Castellon|Las Palmas|A Coruña|La Coruña|Antwerpen|
    Antwerp|Liège|Liege|Namur|Luxembourg|Utrecht|Groningen|Wien|Vienna|Salzburg|Zürich|Zurich|Bern|Berne|Genève|
    Geneva|Fribourg|Neuchâtel|Luzern|Lucerne|St. Gallen|Sankt Gallen|Praha|Prague|Lisboa|Lisbon|Porto|Coimbra|Braga|
    Faro|Setúbal|Aveiro|Viseu|Leiria|Santarém|Vila Real|Delhi|Chandigarh|Puducherry|Pondicherry|Goa|Buenos Aires|
    Córdoba|Mendoza|Salta|San Juan|San Luis|Santa Fe|Corrientes|Formosa|La Rioja|Catamarca|Mexico City|México|
    Durango|Campeche|Colima|Chihuahua|Puebla|Querétaro|Queretaro|Oaxaca|Tlaxcala|Zacatecas|Aguascalientes|
    San Luis Potosí|San Luis Potosi|Cluj|Iași|Iasi|Constanța|Constanta|Brașov|Brasov|Sibiu|Arad|Alba|Suceava|Bacău|
    Bacau|Galați|Galati|București|Bucuresti|Kuala Lumpur|Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Sejong|
    İstanbul|Istanbul|Ankara|İzmir|Izmir|Antalya|Bursa|Adana|Konya|Kocaeli|Kayseri|Eskişehir|Eskisehir|Samsun|
    Trabzon|Malatya|Erzurum|Diyarbakır|Diyarbakir|Gaziantep|Mersin|Edirne|Denizli|Melaka|Malacca|Penang|Santander|
    Sucre|Meta|Magdalena|Veszprém|Veszprem|Tolna|Tel-Aviv|Yerushalayim|Ḥeifā|Tall Abīb|Tell Abīb|
    Valparaíso|Valparaiso|Antofagasta|Coquimbo|Khon Kaen|Chiang Mai|Songkhla|Lampang|Phitsanulok|Phuket|Udon Thani|
    Nakhon Ratchasima|Nakhon Pathom|Makkah|Tabuk|Najran|Tartu|Hradec Králové|
    Brno-město|Ostrava Město|Ostrava-město|Irakleío|İ̇stanbul|İ̇zmir|València|Almería|Almeria|
    A Coruna|Coruna|Lerida|Auckland|Wellington|Nelson|Gisborne|Oslo|Ciudad Autónoma de Buenos Aires|
    Ciudad Autonoma de Buenos Aires|Ciudad de Buenos Aires|Caba|Ha Noi|Hà Nội|
    Ho Chi Minh|Hồ Chí Minh|Da Nang|Đà Nẵng|Hai Phong|Can Tho""")
