<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- Hand-made IMRO2006 fixture for plektoets tests (not a real plan). IMRO2006: namespace
     http://www.ravi.nl/imro2006, gml:FeatureCollection / gml:featureMember, geometries wrapped in
     imro:VlakMultiVlak / imro:PuntLijnVlak + imro:geometrieVlak, Lettertekenaanduiding for function labels,
     Maatvoering with MatrixEnWaarde/omvangWaarde. EP1 agrarisch (GML 2 style outerBoundaryIs/coordinates),
     BP1 Bouwvlak in EP1, LP1 bedrijfswoning over BP1, EP2 bedrijf. -->
<gml:FeatureCollection xmlns:imro="http://www.ravi.nl/imro2006" xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
  <gml:description>fixture</gml:description>
  <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::28992"><gml:lowerCorner>240000 490000</gml:lowerCorner><gml:upperCorner>240400 490200</gml:upperCorner></gml:Envelope></gml:boundedBy>
  <gml:featureMember>
    <imro:Bestemmingsplangebied gml:id="NL.IMRO.9999.BPfixture2006-">
      <imro:identificatie>NL.IMRO.9999.BPfixture2006-</imro:identificatie>
      <imro:naam>Buitengebied 2006 fixture</imro:naam>
      <imro:planstatus>vastgesteld</imro:planstatus>
      <imro:datum>2007-03-01</imro:datum>
      <imro:geometrie><imro:VlakMultiVlak><imro:geometrieVlak>
        <gml:Surface srsName="urn:ogc:def:crs:EPSG::28992"><gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>
          <gml:LineStringSegment><gml:posList srsDimension="2" count="5">240000 490000 240400 490000 240400 490200 240000 490200 240000 490000</gml:posList></gml:LineStringSegment>
        </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>
      </imro:geometrieVlak></imro:VlakMultiVlak></imro:geometrie>
    </imro:Bestemmingsplangebied>
  </gml:featureMember>
  <gml:featureMember>
    <imro:Enkelbestemming gml:id="localidEP1">
      <imro:identificatie>EP1</imro:identificatie>
      <imro:typePlanobject>bestemmingsvlak; enkelbestemming</imro:typePlanobject>
      <imro:artikelnummer>3</imro:artikelnummer>
      <imro:bestemmingsfunctieInfo><imro:BestemmingsfunctieElement><imro:functieniveau>hoofdfunctie</imro:functieniveau><imro:bestemmingsfunctie>werken; agrarische bedrijvigheid</imro:bestemmingsfunctie></imro:BestemmingsfunctieElement></imro:bestemmingsfunctieInfo>
      <imro:bestemmingshoofdgroep>agrarisch</imro:bestemmingshoofdgroep>
      <imro:geometrie><imro:PuntLijnVlak><imro:geometrieVlak>
        <gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992"><gml:outerBoundaryIs><gml:LinearRing>
          <gml:coordinates>240000,490000 240200,490000 240200,490200 240000,490200 240000,490000</gml:coordinates>
        </gml:LinearRing></gml:outerBoundaryIs></gml:Polygon>
      </imro:geometrieVlak></imro:PuntLijnVlak></imro:geometrie>
      <imro:naam>Agrarische doeleinden</imro:naam>
      <imro:verwijzingNaarTekst>v_NL.IMRO.9999.BPfixture2006-.htm#art03</imro:verwijzingNaarTekst>
      <imro:plangebied xlink:href="#NL.IMRO.9999.BPfixture2006-"/>
    </imro:Enkelbestemming>
  </gml:featureMember>
  <gml:featureMember>
    <imro:Bouwvlak gml:id="localidBP1">
      <imro:identificatie>BP1</imro:identificatie>
      <imro:typePlanobject>aanduiding; bouwvlak</imro:typePlanobject>
      <imro:naam>Agrarisch bouwperceel</imro:naam>
      <imro:plangebied xlink:href="#NL.IMRO.9999.BPfixture2006-"/>
      <imro:bestemmingsvlak xlink:href="#localidEP1"/>
      <imro:geometrie><imro:VlakMultiVlak><imro:geometrieVlak>
        <gml:Surface srsName="urn:ogc:def:crs:EPSG::28992"><gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>
          <gml:LineStringSegment><gml:posList srsDimension="2" count="5">240050 490050 240150 490050 240150 490150 240050 490150 240050 490050</gml:posList></gml:LineStringSegment>
        </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>
      </imro:geometrieVlak></imro:VlakMultiVlak></imro:geometrie>
    </imro:Bouwvlak>
  </gml:featureMember>
  <gml:featureMember>
    <imro:Lettertekenaanduiding gml:id="localidLP1">
      <imro:identificatie>LP1</imro:identificatie>
      <imro:typePlanobject>aanduiding; lettertekenaanduiding</imro:typePlanobject>
      <imro:naam>bedrijfswoning</imro:naam>
      <imro:plangebied xlink:href="#NL.IMRO.9999.BPfixture2006-"/>
      <imro:bestemmingsvlak xlink:href="#localidEP1"/>
      <imro:typeLettertekenaanduiding><imro:LettertekenCodeEnLabel><imro:lettertekenCode>(bw)</imro:lettertekenCode></imro:LettertekenCodeEnLabel></imro:typeLettertekenaanduiding>
      <imro:geometrie><imro:PuntLijnVlakMulti><imro:geometrieVlak>
        <gml:Surface srsName="urn:ogc:def:crs:EPSG::28992"><gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>
          <gml:LineStringSegment><gml:posList srsDimension="2" count="5">240060 490060 240100 490060 240100 490100 240060 490100 240060 490060</gml:posList></gml:LineStringSegment>
        </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>
      </imro:geometrieVlak></imro:PuntLijnVlakMulti></imro:geometrie>
    </imro:Lettertekenaanduiding>
  </gml:featureMember>
  <gml:featureMember>
    <imro:Maatvoering gml:id="localidMP1">
      <imro:identificatie>MP1</imro:identificatie>
      <imro:typePlanobject>aanduiding; maatvoering</imro:typePlanobject>
      <imro:naam>Maatvoering</imro:naam>
      <imro:bestemmingsvlak xlink:href="#localidEP1"/>
      <imro:maatvoering><imro:MatrixEnWaarde><imro:omvangWaarde><imro:OmvangWaardeBP>
        <imro:waarde>10</imro:waarde>
        <imro:waardeType>maatvoering; hoogte; bouwhoogte; maximum bouwhoogte (m)</imro:waardeType>
      </imro:OmvangWaardeBP></imro:omvangWaarde></imro:MatrixEnWaarde></imro:maatvoering>
      <imro:geometrie><imro:PuntLijnVlakMulti><imro:geometrieVlak>
        <gml:Surface srsName="urn:ogc:def:crs:EPSG::28992"><gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>
          <gml:LineStringSegment><gml:posList srsDimension="2" count="5">240050 490050 240150 490050 240150 490150 240050 490150 240050 490050</gml:posList></gml:LineStringSegment>
        </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>
      </imro:geometrieVlak></imro:PuntLijnVlakMulti></imro:geometrie>
    </imro:Maatvoering>
  </gml:featureMember>
  <gml:featureMember>
    <imro:Enkelbestemming gml:id="localidEP2">
      <imro:identificatie>EP2</imro:identificatie>
      <imro:typePlanobject>bestemmingsvlak; enkelbestemming</imro:typePlanobject>
      <imro:artikelnummer>7</imro:artikelnummer>
      <imro:bestemmingshoofdgroep>bedrijf</imro:bestemmingshoofdgroep>
      <imro:geometrie><imro:PuntLijnVlak><imro:geometrieVlak>
        <gml:Surface srsName="urn:ogc:def:crs:EPSG::28992"><gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>
          <gml:LineStringSegment><gml:posList srsDimension="2" count="5">240200 490000 240400 490000 240400 490200 240200 490200 240200 490000</gml:posList></gml:LineStringSegment>
        </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>
      </imro:geometrieVlak></imro:PuntLijnVlak></imro:geometrie>
      <imro:naam>Bedrijfsdoeleinden</imro:naam>
    </imro:Enkelbestemming>
  </gml:featureMember>
</gml:FeatureCollection>
