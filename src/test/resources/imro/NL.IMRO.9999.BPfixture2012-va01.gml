<?xml version="1.0" encoding="UTF-8"?>
<!-- Hand-made IMRO2012 fixture for plektoets tests (not a real plan). Element names and nesting follow the
     IMRO2012 schema (namespace http://www.geonovum.nl/imro/2012/1.1, GML 3.2, NEN3610 identifiers).
     E1 agrarisch met waarden with a hole; B1 Bouwvlak with an Arc (half circle r=50) referring to E1;
     B2 Bouwvlak that is a gml:Circle (r=50) without bestemmingsvlak reference (parent found spatially);
     F1 Functieaanduiding bedrijfswoning over B1; E2 bedrijventerrein; E3 recreatie. -->
<imro:FeatureCollectionIMRO gml:id="Collectie" xmlns:imro="http://www.geonovum.nl/imro/2012/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gml="http://www.opengis.net/gml/3.2">
  <imro:featureMember>
    <imro:MetadataIMRObestand gml:id="Metadata">
      <imro:datasetTitel>fixture 2012</imro:datasetTitel>
      <imro:naamApplicatieschema>IMRO2012</imro:naamApplicatieschema>
      <imro:codeReferentiesysteem>28992</imro:codeReferentiesysteem>
    </imro:MetadataIMRObestand>
  </imro:featureMember>
  <imro:featureMember>
    <imro:Bestemmingsplangebied gml:id="NL.IMRO.9999.BPfixture2012-va01">
      <imro:identificatie>
        <imro:NEN3610ID>
          <imro:namespace>NL.IMRO</imro:namespace>
          <imro:lokaalID>9999.BPfixture2012</imro:lokaalID>
          <imro:versie>va01</imro:versie>
        </imro:NEN3610ID>
      </imro:identificatie>
      <imro:typePlan>bestemmingsplan</imro:typePlan>
      <imro:naam>Buitengebied fixture</imro:naam>
      <imro:planstatusInfo>
        <imro:PlanstatusEnDatum>
          <imro:planstatus>vastgesteld</imro:planstatus>
          <imro:datum>2013-05-01</imro:datum>
        </imro:PlanstatusEnDatum>
      </imro:planstatusInfo>
      <imro:geometrie>
        <gml:Surface gml:id="g0" srsName="urn:ogc:def:crs:EPSG::28992">
          <gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing>
            <gml:posList>230000 500000 231000 500000 231000 501000 230000 501000 230000 500000</gml:posList>
          </gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </imro:geometrie>
    </imro:Bestemmingsplangebied>
  </imro:featureMember>
  <imro:featureMember>
    <imro:Enkelbestemming gml:id="NL.IMRO.E1">
      <imro:identificatie><imro:NEN3610ID><imro:namespace>NL.IMRO</imro:namespace><imro:lokaalID>E1</imro:lokaalID></imro:NEN3610ID></imro:identificatie>
      <imro:typePlanobject>enkelbestemming</imro:typePlanobject>
      <imro:naam>Agrarisch met waarden - Landschapswaarden</imro:naam>
      <imro:bestemmingshoofdgroep>agrarisch met waarden</imro:bestemmingshoofdgroep>
      <imro:artikelnummer>4</imro:artikelnummer>
      <imro:geometrie>
        <gml:Surface gml:id="g1" srsName="urn:ogc:def:crs:EPSG::28992">
          <gml:patches><gml:PolygonPatch>
            <gml:exterior><gml:LinearRing>
              <gml:posList>230000 500000 230500 500000 230500 501000 230000 501000 230000 500000</gml:posList>
            </gml:LinearRing></gml:exterior>
            <gml:interior><gml:LinearRing>
              <gml:posList>230100 500100 230100 500200 230200 500200 230200 500100 230100 500100</gml:posList>
            </gml:LinearRing></gml:interior>
          </gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </imro:geometrie>
    </imro:Enkelbestemming>
  </imro:featureMember>
  <imro:featureMember>
    <imro:Bouwvlak gml:id="NL.IMRO.B1">
      <imro:identificatie><imro:NEN3610ID><imro:namespace>NL.IMRO</imro:namespace><imro:lokaalID>B1</imro:lokaalID></imro:NEN3610ID></imro:identificatie>
      <imro:typePlanobject>bouwvlak</imro:typePlanobject>
      <imro:naam>bouwvlak</imro:naam>
      <imro:bestemmingsvlak xlink:href="#NL.IMRO.E1"/>
      <imro:geometrie>
        <gml:Surface gml:id="g2" srsName="urn:ogc:def:crs:EPSG::28992">
          <gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve gml:id="c2"><gml:segments>
            <gml:LineStringSegment><gml:posList>230300 500300 230400 500300</gml:posList></gml:LineStringSegment>
            <gml:Arc><gml:posList>230400 500300 230450 500350 230400 500400</gml:posList></gml:Arc>
            <gml:LineStringSegment><gml:posList>230400 500400 230300 500400 230300 500300</gml:posList></gml:LineStringSegment>
          </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </imro:geometrie>
    </imro:Bouwvlak>
  </imro:featureMember>
  <imro:featureMember>
    <imro:Bouwvlak gml:id="NL.IMRO.B2">
      <imro:identificatie><imro:NEN3610ID><imro:namespace>NL.IMRO</imro:namespace><imro:lokaalID>B2</imro:lokaalID></imro:NEN3610ID></imro:identificatie>
      <imro:typePlanobject>bouwvlak</imro:typePlanobject>
      <imro:naam>bouwvlak</imro:naam>
      <imro:geometrie>
        <gml:Surface gml:id="g3" srsName="urn:ogc:def:crs:EPSG::28992">
          <gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve gml:id="c3"><gml:segments>
            <gml:Circle><gml:posList>230250 500700 230300 500750 230250 500800</gml:posList></gml:Circle>
          </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </imro:geometrie>
    </imro:Bouwvlak>
  </imro:featureMember>
  <imro:featureMember>
    <imro:Functieaanduiding gml:id="NL.IMRO.F1">
      <imro:identificatie><imro:NEN3610ID><imro:namespace>NL.IMRO</imro:namespace><imro:lokaalID>F1</imro:lokaalID></imro:NEN3610ID></imro:identificatie>
      <imro:typePlanobject>functieaanduiding</imro:typePlanobject>
      <imro:bestemmingsvlak xlink:href="#NL.IMRO.E1"/>
      <imro:naam>bedrijfswoning</imro:naam>
      <imro:geometrie>
        <gml:Surface gml:id="g4" srsName="urn:ogc:def:crs:EPSG::28992">
          <gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing>
            <gml:posList>230320 500320 230380 500320 230380 500380 230320 500380 230320 500320</gml:posList>
          </gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </imro:geometrie>
    </imro:Functieaanduiding>
  </imro:featureMember>
  <imro:featureMember>
    <imro:Enkelbestemming gml:id="NL.IMRO.E2">
      <imro:identificatie><imro:NEN3610ID><imro:namespace>NL.IMRO</imro:namespace><imro:lokaalID>E2</imro:lokaalID></imro:NEN3610ID></imro:identificatie>
      <imro:typePlanobject>enkelbestemming</imro:typePlanobject>
      <imro:naam>Bedrijventerrein</imro:naam>
      <imro:bestemmingshoofdgroep>bedrijventerrein</imro:bestemmingshoofdgroep>
      <imro:artikelnummer>5</imro:artikelnummer>
      <imro:geometrie>
        <gml:Surface gml:id="g5" srsName="urn:ogc:def:crs:EPSG::28992">
          <gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing>
            <gml:posList>230500 500000 231000 500000 231000 500500 230500 500500 230500 500000</gml:posList>
          </gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </imro:geometrie>
    </imro:Enkelbestemming>
  </imro:featureMember>
  <imro:featureMember>
    <imro:Enkelbestemming gml:id="NL.IMRO.E3">
      <imro:identificatie><imro:NEN3610ID><imro:namespace>NL.IMRO</imro:namespace><imro:lokaalID>E3</imro:lokaalID></imro:NEN3610ID></imro:identificatie>
      <imro:typePlanobject>enkelbestemming</imro:typePlanobject>
      <imro:naam>Recreatie - Verblijfsrecreatie</imro:naam>
      <imro:bestemmingshoofdgroep>recreatie</imro:bestemmingshoofdgroep>
      <imro:artikelnummer>6</imro:artikelnummer>
      <imro:geometrie>
        <gml:Surface gml:id="g6" srsName="urn:ogc:def:crs:EPSG::28992">
          <gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing>
            <gml:posList srsDimension="3">230500 500500 0 231000 500500 0 231000 501000 0 230500 501000 0 230500 500500 0</gml:posList>
          </gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches>
        </gml:Surface>
      </imro:geometrie>
    </imro:Enkelbestemming>
  </imro:featureMember>
</imro:FeatureCollectionIMRO>
