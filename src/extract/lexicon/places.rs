//! Places that news prints as the subject of a reporting verb ("Israel said", "Beijing warned",
//! "Cologne is reeling"): countries, their capitals, states and provinces, large cities,
//! continents and regions. A speaker named by a place alone is a metonym whose speaker the item
//! does not name (a government, a city council, a police force), so it gets no speaker node;
//! "Cologne Police" or "the Nigerian government" name one and are kept. Lowercase, one place a
//! line, written out by hand from common knowledge (no gazetteer is read).

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Lowercased place names, matched against a whole speaker name.
pub static PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    PLACE_LINES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

const PLACE_LINES: &str = "
afghanistan
albania
algeria
andorra
angola
antigua and barbuda
argentina
armenia
australia
austria
azerbaijan
bahamas
bahrain
bangladesh
barbados
belarus
belgium
belize
benin
bhutan
bolivia
bosnia
bosnia and herzegovina
botswana
brazil
brunei
bulgaria
burkina faso
burundi
cambodia
cameroon
canada
cape verde
central african republic
chile
china
colombia
comoros
congo
costa rica
croatia
cuba
cyprus
czech republic
czechia
denmark
djibouti
dominica
dominican republic
east timor
ecuador
egypt
el salvador
equatorial guinea
eritrea
estonia
eswatini
ethiopia
fiji
finland
france
gabon
gambia
georgia
germany
ghana
greece
grenada
guatemala
guinea
guinea-bissau
guyana
haiti
honduras
hungary
iceland
india
indonesia
iran
iraq
ireland
israel
italy
ivory coast
jamaica
japan
kazakhstan
kenya
kiribati
kosovo
kuwait
kyrgyzstan
laos
latvia
lebanon
lesotho
liberia
libya
liechtenstein
lithuania
luxembourg
madagascar
malawi
malaysia
maldives
mali
malta
mauritania
mauritius
mexico
micronesia
moldova
monaco
mongolia
montenegro
morocco
mozambique
myanmar
burma
namibia
nauru
nepal
netherlands
holland
new zealand
nicaragua
niger
nigeria
north korea
north macedonia
macedonia
norway
oman
pakistan
palau
palestine
panama
papua new guinea
paraguay
peru
philippines
poland
portugal
qatar
romania
russia
rwanda
saint lucia
samoa
san marino
saudi arabia
senegal
serbia
seychelles
sierra leone
singapore
slovakia
slovenia
somalia
south africa
south korea
south sudan
spain
sri lanka
sudan
suriname
sweden
switzerland
syria
taiwan
tajikistan
tanzania
thailand
togo
tonga
trinidad and tobago
tunisia
turkey
turkmenistan
tuvalu
uganda
ukraine
united arab emirates
uae
united kingdom
uk
britain
great britain
england
scotland
wales
northern ireland
united states
united states of america
america
usa
uruguay
uzbekistan
vanuatu
vatican
venezuela
vietnam
yemen
zambia
zimbabwe
gaza
west bank
crimea
hong kong
macau
tibet
xinjiang
kashmir
kurdistan
greenland
puerto rico
europe
africa
asia
north america
south america
latin america
middle east
the middle east
gulf
the gulf
the west
west
east
balkans
scandinavia
caribbean
kabul
tirana
algiers
luanda
buenos aires
yerevan
canberra
vienna
baku
nassau
manama
dhaka
minsk
brussels
porto-novo
thimphu
la paz
sarajevo
gaborone
brasilia
brasília
sofia
ouagadougou
phnom penh
yaounde
ottawa
n'djamena
santiago
beijing
bogota
bogotá
kinshasa
brazzaville
san jose
san josé
zagreb
havana
nicosia
prague
copenhagen
quito
cairo
san salvador
asmara
tallinn
addis ababa
helsinki
paris
libreville
banjul
tbilisi
berlin
accra
athens
guatemala city
conakry
port-au-prince
tegucigalpa
budapest
reykjavik
new delhi
delhi
jakarta
tehran
baghdad
dublin
jerusalem
tel aviv
rome
kingston
tokyo
amman
astana
nairobi
pristina
kuwait city
bishkek
vientiane
riga
beirut
monrovia
tripoli
vilnius
antananarivo
lilongwe
kuala lumpur
bamako
valletta
nouakchott
mexico city
chisinau
ulaanbaatar
ulan bator
podgorica
rabat
maputo
naypyidaw
rangoon
yangon
windhoek
kathmandu
amsterdam
the hague
wellington
managua
niamey
abuja
lagos
pyongyang
skopje
oslo
muscat
islamabad
ramallah
panama city
port moresby
asuncion
asunción
lima
manila
warsaw
lisbon
doha
bucharest
moscow
kigali
riyadh
dakar
belgrade
freetown
bratislava
ljubljana
mogadishu
pretoria
cape town
johannesburg
seoul
juba
madrid
colombo
khartoum
paramaribo
stockholm
bern
geneva
zurich
damascus
taipei
dushanbe
dodoma
dar es salaam
bangkok
lome
lomé
tunis
ankara
istanbul
ashgabat
kampala
kyiv
kiev
abu dhabi
dubai
london
washington
washington dc
washington, d.c.
montevideo
tashkent
caracas
hanoi
ho chi minh city
sanaa
sana'a
aden
lusaka
harare
aleppo
homs
idlib
raqqa
mosul
basra
kandahar
karachi
lahore
mumbai
kolkata
chennai
bangalore
shanghai
hong kong
guangzhou
shenzhen
wuhan
osaka
sydney
melbourne
toronto
montreal
vancouver
sao paulo
são paulo
rio de janeiro
new york
new york city
los angeles
chicago
houston
philadelphia
san antonio
san diego
dallas
san francisco
seattle
boston
detroit
atlanta
miami
denver
baltimore
new orleans
las vegas
portland
pittsburgh
cleveland
st. louis
minneapolis
sacramento
oakland
fresno
long beach
austin
fort worth
el paso
memphis
nashville
louisville
milwaukee
albuquerque
tucson
kansas city
omaha
tulsa
wichita
cincinnati
buffalo
rochester
syracuse
albany
erie
newark
jersey city
richmond
norfolk
raleigh
charlotte
orlando
tampa
jacksonville
honolulu
anchorage
salt lake city
boise
spokane
hamburg
munich
cologne
frankfurt
stuttgart
dusseldorf
düsseldorf
dresden
leipzig
freiburg
nuremberg
bonn
hanover
marseille
lyon
nice
toulouse
strasbourg
bordeaux
lille
barcelona
milan
naples
turin
venice
florence
manchester
birmingham
liverpool
glasgow
edinburgh
belfast
cardiff
leeds
bristol
rotterdam
antwerp
st petersburg
st. petersburg
alabama
alaska
arizona
arkansas
california
colorado
connecticut
delaware
florida
hawaii
idaho
illinois
indiana
iowa
kansas
kentucky
louisiana
maine
maryland
massachusetts
michigan
minnesota
mississippi
missouri
montana
nebraska
nevada
new hampshire
new jersey
new mexico
north carolina
north dakota
ohio
oklahoma
oregon
pennsylvania
rhode island
south carolina
south dakota
tennessee
texas
utah
vermont
west virginia
wisconsin
wyoming
bavaria
catalonia
quebec
ontario
queensland
silicon valley
wall street
";
